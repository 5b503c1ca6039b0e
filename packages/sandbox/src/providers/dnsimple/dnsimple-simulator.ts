import type { paths } from "@certkit/dnsimple";
import type { HttpHandler } from "msw";
import { DEFAULT_ISSUANCE_DELAY_MS, type ProviderSimulator, type SimulatorWorld } from "../../simulator.js";
import { TypedRoutes, type GuardVerdict } from "../../typed-routes.js";
import { identifyCaller, type DnsimpleCaller, type DnsimpleCredentialOptions } from "./dnsimple-auth.js";
import { DnsimpleIssuance } from "./dnsimple-issuance.js";
import {
  DEFAULT_DNSIMPLE_RATE_LIMIT,
  DnsimpleRateLimit,
  type DnsimpleRateLimitOptions,
} from "./dnsimple-rate-limit.js";
import {
  readPage,
  readPurchase,
  readRenewal,
  readSort,
  readWebhook,
  sortCertificates,
  type FieldErrors,
  type PurchaseRequest,
} from "./dnsimple-requests.js";
import {
  checkDnsimpleState,
  emptyDnsimpleState,
  type DnsimpleCertificateRecord,
  type DnsimpleRenewalRecord,
  type DnsimpleState,
} from "./dnsimple-state.js";
import {
  accountView,
  certificateView,
  domainView,
  paginate,
  purchaseView,
  renewalView,
  userView,
  type DnsimpleDomain,
} from "./dnsimple-views.js";
import { checkDnsimpleStateFields } from "./dnsimple-state-schema.js";

/** Options of {@link DnsimpleSimulator}. */
export interface DnsimpleSimulatorOptions extends DnsimpleCredentialOptions {
  /** The id of the simulated account, the `{account}` of every path. Default 1010. */
  accountId?: number;
  /** The domains the account holds (DNSimple hosts their zones). Default `example.com`, `example.org`, `example.net`. */
  domains?: readonly string[];
  /** Time from an issue request to Let's Encrypt's answer. Default 60 s of sandbox time. */
  issuanceDelayMs?: number;
  /** The request budget. Default {@link DEFAULT_DNSIMPLE_RATE_LIMIT}: 2400 requests per hour of sandbox time. */
  rateLimit?: Partial<DnsimpleRateLimitOptions>;
}

const DAY_MS = 86_400_000;
const DEFAULT_DOMAINS = ["example.com", "example.org", "example.net"];
const FIRST_DOMAIN_ID = 5001;
const DEFAULT_ACCOUNT_EMAIL = "sandbox@example.com";
const SEED_WEBHOOK_URL = "https://hooks.example.com/dnsimple";

/** The path parameters that lead to one certificate. */
interface CertificatePath {
  account: unknown;
  domain: unknown;
  certificate: unknown;
}

function notFound(what: string, id: unknown) {
  return { status: 404 as const, body: { message: `${what} \`${String(id)}\` not found` } };
}

function validationFailed(errors: FieldErrors) {
  return { status: 400 as const, body: { message: "Validation failed", errors } };
}

function refused(message: string) {
  return { status: 400 as const, body: { message } };
}

function parseId(value: unknown): number | undefined {
  const text = String(value);
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * A stateful simulator of the DNSimple API v2's Let's Encrypt certificates and webhooks. A purchase makes a certificate
 * `new`; issuing it makes it `requesting` and, since DNSimple hosts the zone, publishes the DNS-01 challenge records in
 * the fake DNS itself. After the issuance delay the records are checked: still there, the certificate is `issued`
 * with a key and CSR DNSimple generated, signed by the sandbox CA; gone, it is `failed`. A renewal makes a new
 * certificate that goes the same way, and the renewal ends `renewed` (or `failed`).
 */
export class DnsimpleSimulator implements ProviderSimulator<DnsimpleState> {
  readonly provider = "dnsimple";
  /** The id of the simulated account. */
  readonly accountId: number;
  readonly #world: SimulatorWorld;
  readonly #credentials: DnsimpleCredentialOptions;
  readonly #issuanceDelayMs: number;
  readonly #domains: DnsimpleDomain[];
  readonly #rateLimit: DnsimpleRateLimit;
  /** Who sent each request the guard let through, for the routes that answer by caller (`whoami`). */
  readonly #callers = new WeakMap<Request, DnsimpleCaller>();
  readonly #issuance: DnsimpleIssuance;
  readonly #routes = new TypedRoutes<paths>();
  #state = emptyDnsimpleState();

  constructor(world: SimulatorWorld, options: DnsimpleSimulatorOptions) {
    this.#world = world;
    this.#credentials = { token: options.token, email: options.email, password: options.password, otp: options.otp };
    this.accountId = options.accountId ?? 1010;
    this.#issuanceDelayMs = options.issuanceDelayMs ?? DEFAULT_ISSUANCE_DELAY_MS;
    if (!Number.isInteger(this.accountId) || this.accountId < 1) {
      throw new RangeError(`DnsimpleSimulator: options.accountId must be an integer ≥ 1, got ${this.accountId}`);
    }
    if (!Number.isFinite(this.#issuanceDelayMs) || this.#issuanceDelayMs < 0) {
      throw new RangeError(
        `DnsimpleSimulator: options.issuanceDelayMs must be a number ≥ 0, got ${this.#issuanceDelayMs}`,
      );
    }
    const names = options.domains ?? DEFAULT_DOMAINS;
    if (names.length === 0 || !names.every((name) => typeof name === "string" && name.trim() !== "")) {
      throw new TypeError("DnsimpleSimulator: options.domains must be a non-empty list of domain names");
    }
    this.#domains = names.map((name, index) => ({ id: FIRST_DOMAIN_ID + index, name: name.trim().toLowerCase() }));
    this.#issuance = new DnsimpleIssuance(world, this.#issuanceDelayMs);
    this.#rateLimit = new DnsimpleRateLimit({ ...DEFAULT_DNSIMPLE_RATE_LIMIT, ...options.rateLimit });
    this.#defineRoutes();
  }

  /** msw handlers serving the simulated API under `baseUrl` (e.g. `https://api.dnsimple.com/v2`). */
  handlers(baseUrl: string): HttpHandler[] {
    return this.#routes.handlers(baseUrl, {
      provider: this.provider,
      faults: this.#world.faults,
      guard: (request) => this.#guard(request),
      // Its purchase and renewal bodies have no required field: without this, a body that is not JSON would buy.
      malformedBody: () => Response.json({ message: "The request body is not valid JSON" }, { status: 400 }),
    });
  }

  /** {@inheritDoc ProviderSimulator.snapshot} */
  snapshot(): DnsimpleState {
    return structuredClone(this.#state);
  }

  /** {@inheritDoc ProviderSimulator.restore} */
  restore(state: DnsimpleState): void {
    checkDnsimpleState(state);
    checkDnsimpleStateFields(state);
    this.#state = structuredClone(state);
  }

  /** {@inheritDoc ProviderSimulator.reset} */
  orderCount(): number {
    return this.#state.certificates.length;
  }

  reset(): void {
    this.#state = emptyDnsimpleState();
    this.#rateLimit.clear();
  }

  /**
   * On the first domain: `www` issued 30 days ago and `api` purchased an hour ago, not issued yet. On the second:
   * `www` whose issuance failed two days ago. And one webhook.
   */
  async seed(): Promise<void> {
    const now = this.#world.clock.now().getTime();
    const [first, second = first] = this.#domains as [DnsimpleDomain, ...DnsimpleDomain[]];
    const purchase = (domain: DnsimpleDomain, name: string, alternateNames: string[] = []): PurchaseRequest => ({
      name,
      commonName: `${name}.${domain.name}`,
      alternateNames,
      autoRenew: false,
      signatureAlgorithm: "ECDSA",
      contactId: null,
    });
    const issued = this.#newCertificate(
      first,
      purchase(first, "www", [first.name]),
      new Date(now - 30 * DAY_MS - this.#issuanceDelayMs),
    );
    await this.#issuance.sign(issued, new Date(now - 30 * DAY_MS));
    this.#newCertificate(first, purchase(first, "api"), new Date(now - 3_600_000));
    const failed = this.#newCertificate(second, purchase(second, "www"), new Date(now - 2 * DAY_MS));
    Object.assign(failed, { state: "failed", dueAt: new Date(now - 2 * DAY_MS + this.#issuanceDelayMs).toISOString() });
    failed.updatedAt = failed.dueAt!;
    this.#state.webhooks.push({ id: this.#state.nextIds.webhook++, url: SEED_WEBHOOK_URL });
  }

  /**
   * Counts the request against the rate limit, then checks the credentials, answering as DNSimple does; the
   * rate-limit headers go on every answer, refusals included.
   */
  #guard(request: Request): GuardVerdict {
    const { allowed, headers } = this.#rateLimit.take(this.#world.clock.now());
    if (!allowed) return Response.json({ message: "API rate limit exceeded" }, { status: 429, headers });
    const caller = identifyCaller(request, this.#credentials);
    if (caller === "refused" || caller === "otp-required") {
      const challenge: Record<string, string> = caller === "otp-required" ? { "X-Dnsimple-OTP": "required" } : {};
      return Response.json(
        { message: "Authentication failed" },
        { status: 401, headers: { ...headers, ...challenge } },
      );
    }
    this.#callers.set(request, caller);
    return { headers };
  }

  #defineRoutes(): void {
    this.#routes
      .on("get", "/whoami", ({ request }) => {
        const user = this.#callers.get(request) === "user";
        const email = this.#credentials.email ?? DEFAULT_ACCOUNT_EMAIL;
        const data = user
          ? { account: null, user: userView(email) }
          : { account: accountView(this.accountId, email), user: null };
        return { status: 200, body: { data } };
      })
      .on("get", "/{account}/domains", ({ params, query }) => {
        if (!this.#isAccount(params.account)) return notFound("Account", params.account);
        const page = readPage(query);
        if (!page.ok) return validationFailed(page.errors);
        const domains = this.#domains.map((domain) => domainView(domain, this.accountId));
        return { status: 200, body: paginate(domains, page.value.page, page.value.perPage) };
      })
      .on("get", "/{account}/domains/{domain}/certificates", async ({ params, query }) => {
        if (!this.#isAccount(params.account)) return notFound("Account", params.account);
        const domain = this.#domain(params.domain);
        if (!domain) return notFound("Domain", params.domain);
        const [page, sort] = [readPage(query), readSort(query)];
        if (!page.ok || !sort.ok)
          return validationFailed({ ...(page.ok ? {} : page.errors), ...(sort.ok ? {} : sort.errors) });
        const now = this.#world.clock.now();
        const certificates = this.#state.certificates.filter(
          (certificate) =>
            certificate.domainId === domain.id && this.#world.faults.listLag.listed(`dnsimple:${certificate.id}`, now),
        );
        await Promise.all(certificates.map((certificate) => this.#advance(certificate)));
        const { data, pagination } = paginate(
          sortCertificates(certificates, sort.value),
          page.value.page,
          page.value.perPage,
        );
        return { status: 200, body: { data: data.map(certificateView), pagination } };
      })
      .on("get", "/{account}/domains/{domain}/certificates/{certificate}", async ({ params }) => {
        const found = this.#certificate(params);
        if ("status" in found) return found;
        return { status: 200, body: { data: certificateView(await this.#advance(found)) } };
      })
      .on("get", "/{account}/domains/{domain}/certificates/{certificate}/download", async ({ params }) => {
        const found = this.#certificate(params);
        if ("status" in found) return found;
        const { issued } = await this.#advance(found);
        if (found.state !== "issued" || !issued) return this.#notIssued(found);
        // DNSimple leaves the root out (the recorded download has `root: null`): clients trust their own.
        return {
          status: 200,
          body: { data: { server: issued.certificate, root: null, chain: [issued.intermediate] } },
        };
      })
      .on("get", "/{account}/domains/{domain}/certificates/{certificate}/private_key", async ({ params }) => {
        const found = this.#certificate(params);
        if ("status" in found) return found;
        const { privateKey } = await this.#advance(found);
        if (found.state !== "issued" || privateKey === undefined) return this.#notIssued(found);
        return { status: 200, body: { data: { private_key: privateKey } } };
      })
      .on("post", "/{account}/domains/{domain}/certificates/letsencrypt", async ({ params, json }) => {
        if (!this.#isAccount(params.account)) return notFound("Account", params.account);
        const domain = this.#domain(params.domain);
        if (!domain) return notFound("Domain", params.domain);
        const request = readPurchase(await json(), domain.name);
        if (!request.ok) return validationFailed(request.errors);
        const certificate = this.#newCertificate(domain, request.value, this.#world.clock.now());
        return { status: 201, body: { data: purchaseView(certificate) } };
      })
      .on("post", "/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue", async ({ params }) => {
        const found = this.#certificate({ ...params, certificate: params.purchaseId });
        if ("status" in found) return found;
        if (found.renewalId !== undefined) return notFound("Purchase", params.purchaseId);
        await this.#advance(found);
        if (found.state !== "new")
          return refused(`Certificate \`${found.id}\` was already requested (state: ${found.state})`);
        this.#issuance.request(found);
        return { status: 202, body: { data: certificateView(found) } };
      })
      .on(
        "post",
        "/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals",
        async ({ params, json }) => {
          const found = this.#certificate(params);
          if ("status" in found) return found;
          await this.#advance(found);
          if (found.state !== "issued")
            return refused(`Certificate \`${found.id}\` cannot be renewed: it is not issued (state: ${found.state})`);
          const open = this.#state.renewals.find(
            (renewal) =>
              renewal.oldCertificateId === found.id && (renewal.state === "new" || renewal.state === "renewing"),
          );
          if (open)
            return refused(`Certificate \`${found.id}\` already has a renewal in progress (renewal \`${open.id}\`)`);
          const request = readRenewal(await json());
          if (!request.ok) return validationFailed(request.errors);
          return { status: 201, body: { data: renewalView(this.#newRenewal(found, request.value)) } };
        },
      )
      .on(
        "post",
        "/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals/{renewalId}/issue",
        ({ params }) => {
          const found = this.#certificate(params);
          if ("status" in found) return found;
          const renewalId = parseId(params.renewalId);
          const renewal = this.#state.renewals.find(
            (candidate) => candidate.id === renewalId && candidate.oldCertificateId === found.id,
          );
          const replacement = this.#state.certificates.find(
            (certificate) => certificate.id === renewal?.newCertificateId,
          );
          if (!renewal || !replacement) return notFound("Renewal", params.renewalId);
          if (renewal.state !== "new")
            return refused(`Renewal \`${renewal.id}\` was already issued (state: ${renewal.state})`);
          this.#issuance.request(replacement);
          renewal.state = "renewing";
          renewal.updatedAt = replacement.updatedAt;
          return { status: 202, body: { data: certificateView(replacement) } };
        },
      )
      .on("get", "/{account}/webhooks", ({ params }) => {
        if (!this.#isAccount(params.account)) return notFound("Account", params.account);
        return { status: 200, body: { data: this.#state.webhooks.map((webhook) => ({ ...webhook })) } };
      })
      .on("post", "/{account}/webhooks", async ({ params, json }) => {
        if (!this.#isAccount(params.account)) return notFound("Account", params.account);
        const url = readWebhook(await json());
        if (!url.ok) return validationFailed(url.errors);
        const webhook = { id: this.#state.nextIds.webhook++, url: url.value };
        this.#state.webhooks.push(webhook);
        return { status: 201, body: { data: { ...webhook } } };
      })
      .on("get", "/{account}/webhooks/{webhook}", ({ params }) => {
        if (!this.#isAccount(params.account)) return notFound("Account", params.account);
        const webhook = this.#state.webhooks.find((candidate) => candidate.id === parseId(params.webhook));
        return webhook ? { status: 200, body: { data: { ...webhook } } } : notFound("Webhook", params.webhook);
      })
      .on("delete", "/{account}/webhooks/{webhook}", ({ params }) => {
        if (!this.#isAccount(params.account)) return notFound("Account", params.account);
        const before = this.#state.webhooks.length;
        this.#state.webhooks = this.#state.webhooks.filter((candidate) => candidate.id !== parseId(params.webhook));
        return this.#state.webhooks.length < before ? { status: 204, body: null } : notFound("Webhook", params.webhook);
      });
  }

  /** Moves a certificate (and its renewal) on once Let's Encrypt's answer is due. */
  #advance(certificate: DnsimpleCertificateRecord): Promise<DnsimpleCertificateRecord> {
    return this.#issuance.advance(certificate, this.#state.renewals);
  }

  /** Whether `{account}` names the simulated account; any other id is an account these credentials cannot see. */
  #isAccount(account: unknown): boolean {
    return parseId(account) === this.accountId;
  }

  /** The domain named by `{domain}`: its name (any case) or its numeric id. */
  #domain(domain: unknown): DnsimpleDomain | undefined {
    const key = String(domain).trim().toLowerCase();
    return this.#domains.find((candidate) => candidate.name === key || String(candidate.id) === key);
  }

  /** The certificate at `path`, or the 404 for the first part of the path that does not exist. */
  #certificate(path: CertificatePath): DnsimpleCertificateRecord | ReturnType<typeof notFound> {
    if (!this.#isAccount(path.account)) return notFound("Account", path.account);
    const domain = this.#domain(path.domain);
    if (!domain) return notFound("Domain", path.domain);
    const id = parseId(path.certificate);
    const certificate = this.#state.certificates.find(
      (candidate) => candidate.id === id && candidate.domainId === domain.id,
    );
    return certificate ?? notFound("Certificate", path.certificate);
  }

  /** The answer to a download of a certificate that has nothing to download yet: the spec's 412. */
  #notIssued(certificate: DnsimpleCertificateRecord) {
    return {
      status: 412 as const,
      body: { message: `Certificate \`${certificate.id}\` is not issued (state: ${certificate.state})` },
    };
  }

  #newCertificate(
    domain: DnsimpleDomain,
    request: PurchaseRequest,
    createdAt: Date,
    renewalId?: number,
  ): DnsimpleCertificateRecord {
    const certificate: DnsimpleCertificateRecord = {
      id: this.#state.nextIds.certificate++,
      domainId: domain.id,
      name: request.name,
      commonName: request.commonName,
      alternateNames: [...request.alternateNames],
      autoRenew: request.autoRenew,
      signatureAlgorithm: request.signatureAlgorithm,
      contactId: request.contactId,
      state: "new",
      createdAt: createdAt.toISOString(),
      updatedAt: createdAt.toISOString(),
      ...(renewalId === undefined ? {} : { renewalId }),
      challenges: [],
    };
    this.#state.certificates.push(certificate);
    this.#world.faults.listLag.noteCreated(`dnsimple:${certificate.id}`, createdAt);
    return certificate;
  }

  /** A renewal of `old`: a new certificate for the same names, `new` until the renewal is issued. */
  #newRenewal(
    old: DnsimpleCertificateRecord,
    request: Pick<Partial<PurchaseRequest>, "autoRenew" | "signatureAlgorithm">,
  ): DnsimpleRenewalRecord {
    const now = this.#world.clock.now();
    const domain = this.#domains.find((candidate) => candidate.id === old.domainId)!;
    const renewal: DnsimpleRenewalRecord = {
      id: this.#state.nextIds.renewal++,
      oldCertificateId: old.id,
      newCertificateId: 0,
      state: "new",
      autoRenew: request.autoRenew ?? old.autoRenew,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    const replacement = this.#newCertificate(
      domain,
      {
        name: old.name,
        commonName: old.commonName,
        alternateNames: old.alternateNames,
        autoRenew: renewal.autoRenew,
        signatureAlgorithm: request.signatureAlgorithm ?? old.signatureAlgorithm,
        contactId: old.contactId,
      },
      now,
      renewal.id,
    );
    renewal.newCertificateId = replacement.id;
    this.#state.renewals.push(renewal);
    return renewal;
  }
}
