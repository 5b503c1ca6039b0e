import type { ApiError, DomainEnvelope, operations, paths } from "@certkit/dnsimple-v1";
import type { HttpHandler } from "msw";
import { generateCsr } from "../../ca/generate-csr.js";
import { parseCsr } from "../../ca/sandbox-ca.js";
import { DEFAULT_ISSUANCE_DELAY_MS, type ProviderSimulator, type SimulatorWorld } from "../../simulator.js";
import { TypedRoutes, type Reply, type RouteContext } from "../../typed-routes.js";
import { viewCertificate } from "./dnsimple-v1-views.js";
import { checkDnsimpleV1State, type DnsimpleV1CertificateRecord, type DnsimpleV1State } from "./dnsimple-v1-state.js";
import { checkCsr, checkPurchase, checkSubmit, readRequestBody } from "./dnsimple-v1-requests.js";
import { checkDnsimpleV1StateFields } from "./dnsimple-v1-state-schema.js";

/** Options of {@link DnsimpleV1Simulator}. */
export interface DnsimpleV1SimulatorOptions {
  /** The account's email: the first half of `X-DNSimple-Token: <email>:<token>`, and the HTTP Basic user name. */
  email: string;
  /** The account's API token, the second half of `X-DNSimple-Token`. */
  token: string;
  /** The account's password for HTTP Basic authentication. Without it, only the token header is accepted. */
  password?: string;
  /** The account's domains, in order; their ids are 1, 2, … in that order. Default `["example.com", "example.org"]`. */
  domains?: readonly string[];
  /** The id of the account's one contact, which purchases must name. Default {@link DEFAULT_DNSIMPLE_V1_CONTACT_ID}. */
  contactId?: number;
  /** Time from the approver's approval of the CA's email to an `issued` certificate. Default 60 s of sandbox time. */
  issuanceDelayMs?: number;
}

/** The id of the one contact a simulated DNSimple v1 account has unless told otherwise. */
export const DEFAULT_DNSIMPLE_V1_CONTACT_ID = 1;

interface AccountDomain {
  id: number;
  name: string;
}

type Operation<Id extends keyof operations> = operations[Id];
type Answer<Id extends keyof operations> = Reply<Operation<Id>> | Response;
type Lookup =
  | { domain: AccountDomain; record: DnsimpleV1CertificateRecord }
  | { missing: { status: 404; body: ApiError } };

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const VALIDITY_DAYS = 365;
// The mailboxes the CA accepts as approver of a domain.
const APPROVER_MAILBOXES = ["admin", "administrator", "hostmaster", "postmaster", "webmaster"] as const;
const UNAUTHORIZED: ApiError = { message: "Authentication failed" };

/** 422, an operation not possible in the certificate's state: the spec documents it only as its `default` response. */
function notNow(action: "configured" | "submitted", record: DnsimpleV1CertificateRecord) {
  return {
    status: 422,
    body: { message: `Certificate may not be ${action} at this time: it is ${record.state}` } satisfies ApiError,
  };
}

/** The full name a certificate is for: `www` of example.com is www.example.com, `""` the domain itself. */
function hostNameOf(name: string, domain: AccountDomain): string {
  return name === "" ? domain.name : `${name}.${domain.name}`;
}

function domainView(domain: AccountDomain): DomainEnvelope {
  return {
    domain: {
      id: domain.id,
      name: domain.name,
      unicode_name: domain.name,
      state: "hosted",
      registrant_id: null,
      expires_on: null,
    },
  };
}

/**
 * A stateful simulator of DNSimple's discontinued API v1 for SSL certificates. A purchase makes a `purchased`
 * certificate (DNSimple makes the key and CSR when the customer sends no CSR); configure makes it `configured` and
 * offers the domain's approver addresses; submit with one of them makes it `submitted` and sends the CA's approval
 * email to the fake mail. Once the approver approves it, the certificate is `issued` after the issuance delay,
 * signed by the sandbox CA. `cancelled` exists in seeded data only: no v1 call cancels.
 */
export class DnsimpleV1Simulator implements ProviderSimulator<DnsimpleV1State> {
  readonly provider = "dnsimple-v1";
  readonly #world: SimulatorWorld;
  readonly #options: Required<Omit<DnsimpleV1SimulatorOptions, "password" | "domains">> & { password?: string };
  readonly #domains: readonly AccountDomain[];
  readonly #routes = new TypedRoutes<paths>();
  #nextId = 1;
  #certificates = new Map<number, DnsimpleV1CertificateRecord>();
  /** Issuance in progress per certificate id, so concurrent reads sign one certificate, not two. */
  readonly #issuing = new Map<number, Promise<void>>();

  constructor(world: SimulatorWorld, options: DnsimpleV1SimulatorOptions) {
    this.#world = world;
    const names = (options.domains ?? ["example.com", "example.org"]).map((name) =>
      name.trim().toLowerCase().replace(/\.$/, ""),
    );
    if (names.length === 0 || names.some((name) => name === "") || new Set(names).size !== names.length) {
      throw new TypeError("DnsimpleV1Simulator: domains must be distinct, non-empty domain names (at least one)");
    }
    this.#domains = names.map((name, index) => ({ id: index + 1, name }));
    this.#options = {
      email: options.email,
      token: options.token,
      ...(options.password === undefined ? {} : { password: options.password }),
      contactId: options.contactId ?? DEFAULT_DNSIMPLE_V1_CONTACT_ID,
      issuanceDelayMs: options.issuanceDelayMs ?? DEFAULT_ISSUANCE_DELAY_MS,
    };
    this.#defineRoutes();
  }

  /** msw handlers serving the simulated API under `baseUrl` (e.g. `https://api.dnsimple.com/v1`). */
  handlers(baseUrl: string): HttpHandler[] {
    return this.#routes.handlers(baseUrl, {
      provider: this.provider,
      faults: this.#world.faults,
      guard: (request) => (this.#authenticated(request) ? undefined : Response.json(UNAUTHORIZED, { status: 401 })),
    });
  }

  /** {@inheritDoc ProviderSimulator.snapshot} */
  snapshot(): DnsimpleV1State {
    return structuredClone({ nextId: this.#nextId, certificates: [...this.#certificates.values()] });
  }

  /** {@inheritDoc ProviderSimulator.restore} */
  restore(state: DnsimpleV1State): void {
    checkDnsimpleV1State(state);
    checkDnsimpleV1StateFields(state);
    const copy = structuredClone(state);
    this.#nextId = copy.nextId;
    this.#certificates = new Map(copy.certificates.map((record) => [record.id, record]));
  }

  /** {@inheritDoc ProviderSimulator.reset} */
  orderCount(): number {
    return this.#certificates.size;
  }

  reset(): void {
    this.#certificates.clear();
    this.#nextId = 1;
  }

  /**
   * Three certificates: `www` of the first domain, issued 60 days ago with a key DNSimple made; `shop` of the first
   * domain, configured an hour ago with the customer's CSR (ready to submit); and `www` of the last domain, cancelled
   * before it was configured.
   */
  async seed(): Promise<void> {
    const now = this.#world.clock.now().getTime();
    const at = (ms: number) => new Date(now - ms).toISOString();
    const first = this.#domains[0]!;
    const last = this.#domains.at(-1)!;

    const issued = await this.#add(first, { name: "www", created: at(61 * DAY_MS) });
    this.#configure(issued, first, at(61 * DAY_MS - 10 * MINUTE_MS));
    issued.state = "submitted";
    issued.approverEmail = issued.approverEmails![0]!;
    await this.#issue(issued, first, new Date(now - 60 * DAY_MS));
    issued.state = "issued";
    issued.updatedAt = issued.issueAt!;

    const customer = await generateCsr({ commonName: `shop.${first.name}`, keyType: "ec-p256" });
    const configured = await this.#add(first, { name: "shop", created: at(2 * 3_600_000), csr: customer.csr });
    this.#configure(configured, first, at(3_600_000));

    const cancelled = await this.#add(last, { name: "www", created: at(400 * DAY_MS) });
    cancelled.state = "cancelled";
    cancelled.updatedAt = at(395 * DAY_MS);
  }

  #defineRoutes(): void {
    this.#routes
      .on("get", "/domains", () => ({ status: 200, body: this.#domains.map(domainView) }))
      .on("get", "/domains/{domain}/certificates", async ({ params }) => {
        const domain = this.#domain(params.domain);
        if (!domain) return this.#domainNotFound(params.domain);
        const now = this.#world.clock.now();
        const records = [...this.#certificates.values()].filter(
          (record) =>
            record.domainId === domain.id && this.#world.faults.listLag.listed(`dnsimple-v1:${record.id}`, now),
        );
        for (const record of records) await this.#advance(record, domain);
        return { status: 200, body: records.map((record) => ({ certificate: viewCertificate(record) })) };
      })
      .on("post", "/domains/{domain}/certificates", (context) => this.#purchase(context))
      .on("get", "/domains/{domain}/certificates/{id}", async ({ params }) => {
        const found = this.#find(params.domain, params.id);
        if ("missing" in found) return found.missing;
        return { status: 200, body: { certificate: viewCertificate(await this.#advance(found.record, found.domain)) } };
      })
      .on("put", "/domains/{domain}/certificates/{id}/configure", async ({ params }) => {
        const found = this.#find(params.domain, params.id);
        if ("missing" in found) return found.missing;
        const record = await this.#advance(found.record, found.domain);
        if (record.state !== "purchased") return notNow("configured", record);
        this.#configure(record, found.domain, this.#world.clock.now().toISOString());
        return { status: 200, body: { certificate: viewCertificate(record) } };
      })
      .on("put", "/domains/{domain}/certificates/{id}/submit", (context) => this.#submit(context));
  }

  /** `X-DNSimple-Token: <email>:<token>`, or HTTP Basic with the email and the password when one is set. */
  #authenticated(request: Request): boolean {
    const matches = (credentials: string, secret: string | undefined): boolean => {
      const colon = credentials.indexOf(":");
      return (
        secret !== undefined &&
        colon > 0 &&
        credentials.slice(0, colon).toLowerCase() === this.#options.email.toLowerCase() &&
        credentials.slice(colon + 1) === secret
      );
    };
    const token = request.headers.get("x-dnsimple-token");
    if (token !== null && matches(token, this.#options.token)) return true;
    const basic = /^Basic\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    if (basic === undefined) return false;
    try {
      return matches(atob(basic), this.#options.password);
    } catch {
      return false;
    }
  }

  /** A domain by its id or its name, as the `domain` path parameter takes either. */
  #domain(param: string): AccountDomain | undefined {
    const text = String(param).trim().toLowerCase().replace(/\.$/, "");
    return /^\d+$/.test(text)
      ? this.#domains.find((domain) => domain.id === Number(text))
      : this.#domains.find((domain) => domain.name === text);
  }

  #domainNotFound(param: string) {
    return { status: 404, body: { message: `Domain \`${String(param)}' not found` } } as const;
  }

  #find(domainParam: string, idParam: string): Lookup {
    const domain = this.#domain(domainParam);
    if (!domain) return { missing: this.#domainNotFound(domainParam) };
    const text = idParam;
    const record = /^\d+$/.test(text) ? this.#certificates.get(Number(text)) : undefined;
    if (record?.domainId !== domain.id)
      return { missing: { status: 404, body: { error: `Couldn't find Certificate with id=${text}` } } };
    return { domain, record };
  }

  async #purchase({
    params,
    form,
    json,
  }: RouteContext<Operation<"purchaseCertificate">>): Promise<Answer<"purchaseCertificate">> {
    const domain = this.#domain(params.domain);
    if (!domain) return this.#domainNotFound(params.domain);
    const checked = checkPurchase(await readRequestBody({ form, json }));
    if (!checked.ok) return { status: 400, body: checked.error };
    const { name, contactId, csr } = checked.value;
    if (contactId !== this.#options.contactId)
      return { status: 404, body: { error: `Couldn't find Contact with id=${contactId}` } };
    const hostName = hostNameOf(name, domain);
    if (csr !== undefined) {
      const parsed = await checkCsr(csr, hostName);
      if (!parsed.ok) return { status: 400, body: parsed.error };
    }
    // Checked after the awaits above and before adding, with nothing awaited between, so two racing purchases cannot both pass.
    const taken = [...this.#certificates.values()].some(
      (record) => record.domainId === domain.id && record.name === name && record.state !== "cancelled",
    );
    if (taken) return { status: 406, body: { message: `Certificate ${hostName} already exists` } };
    const record = await this.#add(domain, {
      name,
      created: this.#world.clock.now().toISOString(),
      ...(csr === undefined ? {} : { csr }),
    });
    return { status: 201, body: { certificate: viewCertificate(record) } };
  }

  async #submit({
    params,
    form,
    json,
  }: RouteContext<Operation<"submitCertificate">>): Promise<Answer<"submitCertificate">> {
    const found = this.#find(params.domain, params.id);
    if ("missing" in found) return found.missing;
    const record = await this.#advance(found.record, found.domain);
    if (record.state !== "configured") return notNow("submitted", record);
    const checked = checkSubmit(await readRequestBody({ form, json }));
    if (!checked.ok) return { status: 400, body: checked.error };
    const offered = record.approverEmails ?? [];
    const approver = offered.find((address) => address === checked.value.toLowerCase());
    if (approver === undefined)
      return { status: 400, body: { errors: { approver_email: [`must be one of ${offered.join(", ")}`] } } };
    const now = this.#world.clock.now();
    const hostName = hostNameOf(record.name, found.domain);
    record.state = "submitted";
    record.approverEmail = approver;
    record.approvalCode = this.#world.mail.send({
      to: approver,
      subject: `Approve the SSL certificate for ${hostName}`,
      sentAt: now,
    });
    record.updatedAt = now.toISOString();
    return { status: 200, body: { certificate: viewCertificate(record) } };
  }

  /**
   * Adds a `purchased` certificate. Without a CSR, DNSimple makes the key and the CSR, and keeps the key to hand out
   * (EC P-256 here: quick to make in tests, and taken by the sandbox CA as an RSA key would be).
   */
  async #add(
    domain: AccountDomain,
    input: { name: string; created: string; csr?: string },
  ): Promise<DnsimpleV1CertificateRecord> {
    const made =
      input.csr === undefined
        ? await generateCsr({ commonName: hostNameOf(input.name, domain), keyType: "ec-p256" })
        : undefined;
    const csr = input.csr ?? made!.csr;
    const parsed = await parseCsr(csr);
    if ("problem" in parsed) throw new Error(`DnsimpleV1Simulator: a checked CSR did not parse: ${parsed.problem}`);
    const record: DnsimpleV1CertificateRecord = {
      id: this.#nextId++,
      domainId: domain.id,
      contactId: this.#options.contactId,
      name: input.name,
      state: "purchased",
      csr,
      publicKey: parsed.publicKey,
      privateKey: made?.privateKey ?? null,
      approverEmails: null,
      approverEmail: null,
      createdAt: input.created,
      updatedAt: input.created,
      configuredAt: null,
    };
    this.#certificates.set(record.id, record);
    this.#world.faults.listLag.noteCreated(`dnsimple-v1:${record.id}`, this.#world.clock.now());
    return record;
  }

  #configure(record: DnsimpleV1CertificateRecord, domain: AccountDomain, at: string): void {
    record.state = "configured";
    record.approverEmails = APPROVER_MAILBOXES.map((mailbox) => `${mailbox}@${domain.name}`);
    record.configuredAt = at;
    record.updatedAt = at;
  }

  /** When the approval email of a submitted certificate was approved, if it was. */
  #approvedAt(record: DnsimpleV1CertificateRecord): Date | undefined {
    if (record.approvalCode === undefined) return undefined;
    const approvedAt = this.#world.mail.inbox().find((message) => message.code === record.approvalCode)?.approvedAt;
    return approvedAt === undefined ? undefined : new Date(approvedAt);
  }

  /** Moves a certificate on by what happened since it was last seen: an approved email, then the issuance delay. */
  async #advance(record: DnsimpleV1CertificateRecord, domain: AccountDomain): Promise<DnsimpleV1CertificateRecord> {
    if (record.state !== "submitted") return record;
    const approvedAt = this.#approvedAt(record);
    if (record.issued === undefined && approvedAt !== undefined) {
      let pending = this.#issuing.get(record.id);
      if (!pending) {
        pending = this.#issue(record, domain, new Date(approvedAt.getTime() + this.#options.issuanceDelayMs)).finally(
          () => this.#issuing.delete(record.id),
        );
        this.#issuing.set(record.id, pending);
      }
      await pending;
    }
    if (record.issueAt !== undefined && Date.parse(record.issueAt) <= this.#world.clock.now().getTime()) {
      record.state = "issued";
      record.updatedAt = record.issueAt;
    }
    return record;
  }

  /** Signs the certificate now, valid from `issueAt` and shown from then on, as the CA's answer arriving then. */
  async #issue(record: DnsimpleV1CertificateRecord, domain: AccountDomain, issueAt: Date): Promise<void> {
    record.issued = await this.#world.ca.issue({
      commonName: hostNameOf(record.name, domain),
      altNames: [],
      publicKey: record.publicKey,
      validFrom: issueAt,
      validDays: VALIDITY_DAYS,
    });
    record.issueAt = issueAt.toISOString();
  }
}
