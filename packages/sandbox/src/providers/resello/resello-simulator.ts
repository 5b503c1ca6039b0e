import type { DcvType, paths } from "@certkit/resello";
import type { HttpHandler } from "msw";
import { generateCsr } from "../../ca/generate-csr.js";
import { randomToken, randomUuid } from "../../random-ids.js";
import { DEFAULT_ISSUANCE_DELAY_MS, type ProviderSimulator, type SimulatorWorld } from "../../simulator.js";
import { TypedRoutes } from "../../typed-routes.js";
import { downloadResponse, type ReselloDownloadFormat } from "./resello-downloads.js";
import {
  AUTHENTICATION_FAILED,
  conflict,
  invalidFields,
  NOT_FOUND,
  refused,
  REQUIRED,
  type ReselloFieldErrors,
} from "./resello-errors.js";
import { addMonths, DEFAULT_RESELLO_PLANS, filterPlans, isUuid, type ReselloPlan } from "./resello-plans.js";
import {
  approverProblem,
  checkOrganization,
  isDcvType,
  planCoverageProblem,
  readCsr,
  readOrderFields,
  type CsrFacts,
} from "./resello-requests.js";
import {
  checkReselloState,
  type ReselloDomainValidation,
  type ReselloOrder,
  type ReselloOrganization,
  type ReselloState,
} from "./resello-state.js";
import { ReselloTokenIssuer, RESELLO_TOKEN_PATH, type ReselloOidcClient } from "./resello-tokens.js";
import { certificateView, validationDetailsView } from "./resello-views.js";
import { checkReselloStateFields } from "./resello-state-schema.js";

const DAY_MS = 86_400_000;

/** Options of {@link ReselloSimulator}. */
export interface ReselloSimulatorOptions {
  /** The reseller reference accepted as the HTTP Basic user name. */
  resellerReference: string;
  /** The API key accepted as the HTTP Basic password. */
  apiKey: string;
  /** An OpenID Connect client the token endpoint accepts; its tokens are then accepted as `Authorization: Bearer`. */
  oidc?: ReselloOidcClient;
  /** The plans on sale. Default {@link DEFAULT_RESELLO_PLANS}. */
  plans?: readonly ReselloPlan[];
  /** Time from a passed domain validation to an `active` certificate. Default 60 s of sandbox time. */
  issuanceDelayMs?: number;
  /**
   * @deprecated The old name of {@link ReselloSimulatorOptions.issuanceDelayMs}. When given it wins, so that
   * `createSandbox({ resello: { provisioningDelayMs } })` still overrides the sandbox's default issuance delay.
   */
  provisioningDelayMs?: number;
}

/** An order about to be placed or renewed, as the checks both share see it. */
interface OrderDraft {
  plan: ReselloPlan;
  names: readonly string[];
  dcvType: DcvType;
  approver: string | null;
  organization: ReselloOrganization;
}

/** The HTTP Basic credentials of `request`, or `undefined` when it has none that decode. */
function basicCredentials(request: Request): { user: string; password: string } | undefined {
  const [scheme = "", encoded = ""] = (request.headers.get("authorization") ?? "").split(" ", 2);
  if (scheme.toLowerCase() !== "basic") return undefined;
  try {
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0)));
    const colon = decoded.indexOf(":");
    return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  } catch {
    return undefined;
  }
}

function bearerToken(request: Request): string | undefined {
  const [scheme = "", token] = (request.headers.get("authorization") ?? "").split(" ", 2);
  return scheme.toLowerCase() === "bearer" && token ? token : undefined;
}

/** A new, unproven validation of one name by `dcvType`: its TXT record and file are made up front. */
function newDomainValidation(name: string, dcvType: DcvType): ReselloDomainValidation {
  const domain = name.replace(/^\*\./, "").toLowerCase();
  return {
    name,
    domain,
    dcvType,
    status: "pending",
    dns: { name: `_dnsauth.${domain}`, value: randomToken() },
    file: {
      url: `http://${domain}/.well-known/pki-validation/${randomToken().toUpperCase()}.txt`,
      content: randomToken(),
    },
  };
}

/**
 * A stateful simulator of the Resello Reseller Platform's SSL certificate API (`/api/v1`).
 *
 * A certificate is ordered `pending`, with a domain validation per name by DNS (a TXT record), FILE (a file on the
 * website) or EMAIL (an approval email to an administrative address). `validate` checks the fake DNS or web, and an
 * approved email counts as soon as it is approved; once every name is proven the certificate is signed and becomes
 * `active` after the issuance delay. Renew sends an active certificate back to `pending` with new validations for
 * a new term of the plan's interval; reissue signs a new CSR at once and revokes the old certificate; delete makes it
 * `disabled` at once (and revokes it). Auth is HTTP Basic or a bearer token from the simulated token endpoint.
 */
export class ReselloSimulator implements ProviderSimulator<ReselloState> {
  readonly provider = "resello";
  readonly #world: SimulatorWorld;
  readonly #options: Required<Omit<ReselloSimulatorOptions, "oidc" | "provisioningDelayMs">>;
  readonly #tokens: ReselloTokenIssuer;
  #orders = new Map<string, ReselloOrder>();
  readonly #routes = new TypedRoutes<paths>();

  constructor(world: SimulatorWorld, options: ReselloSimulatorOptions) {
    this.#world = world;
    this.#options = {
      resellerReference: options.resellerReference,
      apiKey: options.apiKey,
      plans: structuredClone([...(options.plans ?? DEFAULT_RESELLO_PLANS)]),
      issuanceDelayMs: options.provisioningDelayMs ?? options.issuanceDelayMs ?? DEFAULT_ISSUANCE_DELAY_MS,
    };
    this.#tokens = new ReselloTokenIssuer(world.clock, options.oidc);
    this.#defineRoutes();
  }

  /**
   * msw handlers serving the simulated API under `baseUrl` (e.g. `https://rp.hostcontrol-ote.com/api/v1`), and the
   * OpenID Connect token endpoint at `${baseUrl}/oauth2/token` ({@link RESELLO_TOKEN_PATH}).
   */
  handlers(baseUrl: string): HttpHandler[] {
    const base = baseUrl.replace(/\/+$/, "");
    return [
      this.#tokens.handler(`${base}${RESELLO_TOKEN_PATH}`, { provider: this.provider, faults: this.#world.faults }),
      ...this.#routes.handlers(base, {
        provider: this.provider,
        faults: this.#world.faults,
        guard: (request) => this.#guard(request),
      }),
    ];
  }

  /** {@inheritDoc ProviderSimulator.snapshot} */
  snapshot(): ReselloState {
    return structuredClone({ orders: [...this.#orders.values()], tokens: this.#tokens.snapshot() });
  }

  /** {@inheritDoc ProviderSimulator.restore} */
  restore(state: ReselloState): void {
    checkReselloState(state);
    checkReselloStateFields(state);
    const copy = structuredClone(state);
    this.#orders = new Map(copy.orders.map((order) => [order.id, order]));
    this.#tokens.restore(copy.tokens);
  }

  /** Forgets every order and every token given out: the state of a new account (settings given in the options stay). */
  orderCount(): number {
    return this.#orders.size;
  }

  reset(): void {
    this.#orders.clear();
    this.#tokens.restore([]);
  }

  /**
   * Adds an `active` certificate ordered 100 days ago (`shop.example.com`), one ordered two hours ago that waits for
   * its DNS record (`www.example.org`), and one ordered 200 days ago that was deleted 20 days ago (`old.example.net`,
   * `disabled`), all under the first plan.
   */
  async seed(): Promise<void> {
    const now = this.#world.clock.now().getTime();
    const [plan] = this.#options.plans;
    if (!plan) return;
    const active = await this.#seedOrder(
      "shop.example.com",
      plan,
      "seed-shop-example-com",
      new Date(now - 100 * DAY_MS),
    );
    await this.#proveAll(active, new Date(now - 100 * DAY_MS + 3_600_000));
    await this.#seedOrder("www.example.org", plan, "seed-www-example-org", new Date(now - 2 * 3_600_000));
    const old = await this.#seedOrder("old.example.net", plan, null, new Date(now - 200 * DAY_MS));
    await this.#proveAll(old, new Date(now - 200 * DAY_MS + 3_600_000));
    this.#disable(old, new Date(now - 20 * DAY_MS));
  }

  async #seedOrder(
    commonName: string,
    plan: ReselloPlan,
    clientReference: string | null,
    at: Date,
  ): Promise<ReselloOrder> {
    const facts = await readCsr((await generateCsr({ commonName, keyType: "ec-p256" })).csr);
    if ("problem" in facts) throw new Error(`the seed's CSR was refused: ${facts.problem}`);
    return this.#newOrder({ csr: facts, plan, dcvType: "DNS", clientReference, approver: null, organization: {} }, at);
  }

  async #proveAll(order: ReselloOrder, at: Date): Promise<void> {
    for (const domain of order.domains) {
      domain.status = "validated";
      domain.validatedAt = at.toISOString();
    }
    await this.#provision(order, at);
  }

  #guard(request: Request): Response | undefined {
    const basic = basicCredentials(request);
    if (basic?.user === this.#options.resellerReference && basic.password === this.#options.apiKey) return undefined;
    const bearer = bearerToken(request);
    if (bearer !== undefined && this.#tokens.accepts(bearer)) return undefined;
    return Response.json(AUTHENTICATION_FAILED, {
      status: 401,
      headers: { "www-authenticate": 'Basic realm="Reseller Platform"' },
    });
  }

  #defineRoutes(): void {
    this.#routes
      .on("get", "/ssl-certificate", async ({ query }) => {
        const plan = query.get("plan");
        if (plan !== null && !isUuid(plan)) return invalidFields({ plan: ["Must be a UUID."] });
        const reference = query.get("client_reference");
        // The filter matches exactly (Resello does not say); createCertificateOnce compares exactly as well.
        const now = this.#world.clock.now();
        const matching = [...this.#orders.values()].filter(
          (order) =>
            this.#world.faults.listLag.listed(`resello:${order.id}`, now) &&
            (plan === null || order.plan.toLowerCase() === plan.toLowerCase()) &&
            (reference === null || order.clientReference === reference),
        );
        const result = await Promise.all(matching.map(async (order) => certificateView(await this.#advance(order))));
        return { status: 200, body: { success: true, result, total: result.length, offset: 0 } };
      })
      .on("post", "/ssl-certificate", async ({ json }) => this.#create(await json()))
      .on("get", "/ssl-certificate/{id}", async ({ params }) => {
        const order = await this.#find(params.id);
        return order ? { status: 200, body: { success: true, result: certificateView(order) } } : NOT_FOUND;
      })
      .on("delete", "/ssl-certificate/{id}", async ({ params }) => {
        const order = await this.#find(params.id);
        if (!order) return NOT_FOUND;
        if (order.status === "disabled")
          return conflict("certificate_disabled", "The certificate is already disabled.");
        this.#disable(order, this.#world.clock.now());
        return { status: 200, body: { success: true, result: certificateView(order) } };
      })
      .on("post", "/ssl-certificate/{id}/renew", async ({ params, json }) => this.#renew(params.id, await json()))
      .on("post", "/ssl-certificate/{id}/validate", async ({ params, json }) => this.#validate(params.id, await json()))
      .on("post", "/ssl-certificate/{id}/reissue", async ({ params, json }) => this.#reissue(params.id, await json()))
      .on("get", "/ssl-certificate/{id}/download-zip", ({ params }) => this.#download(params.id, "zip"))
      .on("get", "/ssl-certificate/{id}/download-pkcs7", ({ params }) => this.#download(params.id, "pkcs7"))
      .on("get", "/ssl-certificate/{id}/download-crt", ({ params }) => this.#download(params.id, "crt"))
      .on("get", "/ssl-certificate/{id}/download-csr", ({ params }) => this.#download(params.id, "csr"))
      .on("get", "/ssl-certificate/{id}/download-ca", ({ params }) => this.#download(params.id, "ca"))
      .on("get", "/ssl-certificate/{id}/validation-details", async ({ params }) => {
        const order = await this.#find(params.id);
        return order ? { status: 200, body: { success: true, result: validationDetailsView(order) } } : NOT_FOUND;
      })
      .on("get", "/ssl-certificate-plan", ({ query }) => {
        const filtered = filterPlans(this.#options.plans, { id: query.get("id"), name: query.get("name") });
        if ("badIds" in filtered) return invalidFields({ id: [`Not a UUID: ${filtered.badIds.join(", ")}.`] });
        const result = structuredClone(filtered.plans);
        return { status: 200, body: { success: true, result, total: result.length, offset: 0 } };
      });
  }

  /** The order with `id`, moved on to the sandbox's current time, or `undefined`. */
  async #find(id: string): Promise<ReselloOrder | undefined> {
    const order = this.#orders.get(id);
    return order ? this.#advance(order) : undefined;
  }

  #planOf(order: ReselloOrder): ReselloPlan | undefined {
    return this.#options.plans.find((plan) => plan.id === order.plan);
  }

  /**
   * The checks create and renew share, on the order as it would be: the plan covers the names, an OV plan has its
   * organisation fields, and EMAIL validation has an approver allowed for every name.
   */
  #checkOrder(order: OrderDraft, errors: ReselloFieldErrors): void {
    const coverage = planCoverageProblem(order.plan, order.names);
    if (coverage) errors.csr ??= [coverage];
    checkOrganization(order.plan, order.organization, errors);
    if (order.dcvType !== "EMAIL") return;
    if (order.approver === null) {
      errors.approver_email_address ??= ["Required for EMAIL domain control validation."];
      return;
    }
    const approver = order.approver;
    const problem = order.names.map((name) => approverProblem(name.replace(/^\*\./, ""), approver)).find(Boolean);
    if (problem) errors.approver_email_address ??= [problem];
  }

  async #create(body: unknown) {
    const errors: ReselloFieldErrors = {};
    const fields = await readOrderFields(body, {
      required: ["csr", "dcv_type", "plan"],
      plans: this.#options.plans,
      errors,
    });
    const { csr, plan, dcvType } = fields;
    if (csr && plan && dcvType) {
      const organization = { ...(csr.organization ? { company_name: csr.organization } : {}), ...fields.organization };
      const approver = fields.approverEmailAddress ?? null;
      this.#checkOrder({ plan, names: csr.names, dcvType, approver, organization }, errors);
      if (Object.keys(errors).length === 0) {
        const order = this.#newOrder(
          { csr, plan, dcvType, approver, organization, clientReference: fields.clientReference ?? null },
          this.#world.clock.now(),
        );
        return { status: 200, body: { success: true, result: certificateView(order) } } as const;
      }
    }
    return invalidFields(errors);
  }

  #newOrder(
    input: Omit<OrderDraft, "names"> & { csr: CsrFacts; clientReference: string | null },
    at: Date,
  ): ReselloOrder {
    const order: ReselloOrder = {
      id: randomUuid(),
      plan: input.plan.id,
      clientReference: input.clientReference,
      status: "pending",
      dcvType: input.dcvType,
      approverEmailAddress: input.approver,
      commonName: input.csr.commonName,
      csr: input.csr.pem,
      publicKey: input.csr.publicKey,
      organization: input.organization,
      domains: input.csr.names.map((name) => newDomainValidation(name, input.dcvType)),
      createdAt: at.toISOString(),
      renewals: 0,
    };
    this.#sendApprovals(order, order.domains, at);
    this.#orders.set(order.id, order);
    this.#world.faults.listLag.noteCreated(`resello:${order.id}`, at);
    return order;
  }

  /** Sends an approval email for each EMAIL validation among `domains`, to the order's approver. */
  #sendApprovals(order: ReselloOrder, domains: readonly ReselloDomainValidation[], at: Date): void {
    for (const domain of domains) {
      if (domain.dcvType !== "EMAIL" || order.approverEmailAddress === null) continue;
      const to = order.approverEmailAddress;
      const code = this.#world.mail.send({ to, subject: `Approve the SSL certificate for ${domain.name}`, sentAt: at });
      domain.email = { to, code, sentAt: at.toISOString() };
    }
  }

  async #renew(id: string, body: unknown) {
    const order = await this.#find(id);
    if (!order) return NOT_FOUND;
    if (order.status !== "active" || !order.issued) {
      return refused(
        "certificate_not_active",
        `Only an active certificate can be renewed; this one is ${order.status}.`,
      );
    }
    const current = this.#planOf(order);
    const renewDays = current?.renew_days_before_expiration ?? null;
    const now = this.#world.clock.now();
    if (renewDays !== null) {
      const renewableFrom = new Date(Date.parse(order.issued.validUntil) - renewDays * DAY_MS);
      if (now < renewableFrom) {
        const when = `${renewableFrom.toISOString()} (${renewDays} days before it expires)`;
        return refused("renewal_not_yet_possible", `The certificate can be renewed from ${when}.`);
      }
    }
    const errors: ReselloFieldErrors = {};
    const fields = await readOrderFields(body, { required: [], plans: this.#options.plans, errors });
    const plan = fields.plan ?? current;
    if (!plan) errors.plan ??= ["The certificate's plan is no longer available: give a plan."];
    if (fields.csr && fields.csr.commonName.toLowerCase() !== order.commonName.toLowerCase()) {
      errors.csr = [`The CSR must be for ${order.commonName}.`];
    }
    const names = fields.csr?.names ?? order.domains.map((domain) => domain.name);
    const dcvType = fields.dcvType ?? order.dcvType;
    const approver = fields.approverEmailAddress ?? order.approverEmailAddress;
    const organization = { ...order.organization, ...fields.organization };
    if (plan) this.#checkOrder({ plan, names, dcvType, approver, organization }, errors);
    if (!plan || Object.keys(errors).length > 0) return invalidFields(errors);

    order.plan = plan.id;
    if (fields.csr) {
      order.csr = fields.csr.pem;
      order.publicKey = fields.csr.publicKey;
    }
    if (fields.clientReference !== undefined) order.clientReference = fields.clientReference;
    order.organization = organization;
    order.dcvType = dcvType;
    order.approverEmailAddress = approver;
    order.domains = names.map((name) => newDomainValidation(name, dcvType));
    order.status = "pending";
    order.renewals += 1;
    delete order.activeAt;
    this.#sendApprovals(order, order.domains, now);
    return { status: 200, body: { success: true, result: certificateView(order) } } as const;
  }

  async #validate(id: string, body: unknown) {
    const order = await this.#find(id);
    if (!order) return NOT_FOUND;
    if (order.status !== "pending") {
      return refused("certificate_not_pending", `The certificate is ${order.status}: it has no validation to retry.`);
    }
    const details = () => ({ status: 200, body: { success: true, result: validationDetailsView(order) } }) as const;
    // Every name is proven and the certificate is being provisioned: nothing is left to check.
    if (order.activeAt !== undefined) return details();
    const request = this.#readValidateRequest(order, body);
    if ("errors" in request) return invalidFields(request.errors);

    const { dcvType, address, targets } = request;
    const now = this.#world.clock.now();
    let restarted = false;
    if (dcvType !== undefined && request.allDomains) order.dcvType = dcvType;
    if (address !== undefined) order.approverEmailAddress = address;
    for (const target of targets) {
      if (dcvType !== undefined && dcvType !== target.dcvType) {
        target.dcvType = dcvType;
        delete target.email;
        restarted = true;
      }
      if (target.dcvType === "EMAIL" && (address !== undefined || !target.email)) {
        this.#sendApprovals(order, [target], now);
        restarted = true;
      }
    }
    const problems: string[] = [];
    for (const target of targets) {
      const problem = this.#proofProblem(target);
      if (problem) problems.push(problem);
      else {
        target.status = "validated";
        target.validatedAt = now.toISOString();
      }
    }
    if (order.domains.every((domain) => domain.status === "validated")) await this.#provision(order, now);
    // A retry by another method or address starts that validation: its proof can only come later.
    if (restarted || problems.length === 0) return details();
    return refused("domain_validation_failed", `The domain control validation failed. ${problems.join(" ")}`);
  }

  /**
   * Reads a `validate` body against the order: the method to switch to, the approver address for EMAIL (allowed
   * for every name it is for), and the names to validate (`domain`, or every name still pending).
   */
  #readValidateRequest(
    order: ReselloOrder,
    body: unknown,
  ):
    | { errors: ReselloFieldErrors }
    | { dcvType?: DcvType; address?: string; targets: ReselloDomainValidation[]; allDomains: boolean } {
    const fields =
      typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    const errors: ReselloFieldErrors = {};
    const { dcv_type: dcvType, email_address: email, domain } = fields;
    if (dcvType !== undefined && !isDcvType(dcvType)) errors.dcv_type = ["Must be one of EMAIL, FILE, DNS."];
    if (email !== undefined && (typeof email !== "string" || !email.includes("@")))
      errors.email_address = ["Must be an email address."];
    if (domain !== undefined && typeof domain !== "string") errors.domain = ["Must be a string."];
    const wanted = typeof domain === "string" ? domain.toLowerCase() : undefined;
    const named = (candidate: ReselloDomainValidation) =>
      wanted === undefined || [candidate.name.toLowerCase(), candidate.domain].includes(wanted);
    if (wanted !== undefined && !order.domains.some(named))
      errors.domain = [`The certificate has no domain ${wanted}.`];
    const targets = order.domains.filter((candidate) => candidate.status === "pending" && named(candidate));
    const address = typeof email === "string" ? email.trim().toLowerCase() : undefined;
    for (const target of targets) {
      if ((isDcvType(dcvType) ? dcvType : target.dcvType) !== "EMAIL" || errors.email_address) continue;
      const to = address ?? target.email?.to ?? order.approverEmailAddress;
      const problem =
        to === null ? "Required for EMAIL domain control validation." : approverProblem(target.domain, to);
      if (problem) errors.email_address = [problem];
    }
    if (Object.keys(errors).length > 0) return { errors };
    return {
      ...(isDcvType(dcvType) ? { dcvType } : {}),
      ...(address === undefined ? {} : { address }),
      targets,
      allDomains: wanted === undefined,
    };
  }

  /** Why the proof of `domain` is not there yet, or `undefined` when it is. */
  #proofProblem(domain: ReselloDomainValidation): string | undefined {
    switch (domain.dcvType) {
      case "DNS":
        return this.#world.dns.lookupTxt(domain.dns.name).includes(domain.dns.value)
          ? undefined
          : `The TXT record ${domain.dns.name} does not hold ${domain.dns.value}.`;
      case "FILE":
        return this.#world.web.read(domain.file.url)?.trim() === domain.file.content
          ? undefined
          : `The file ${domain.file.url} does not hold the expected content.`;
      case "EMAIL":
        return domain.email && this.#world.mail.isApproved(domain.email.code)
          ? undefined
          : `The approval email to ${domain.email?.to ?? "the approver"} has not been approved.`;
    }
  }

  async #reissue(id: string, body: unknown) {
    const order = await this.#find(id);
    if (!order) return NOT_FOUND;
    if (order.status !== "active" || !order.issued) {
      return refused(
        "certificate_not_active",
        `Only an active certificate can be reissued; this one is ${order.status}.`,
      );
    }
    const now = this.#world.clock.now();
    const validUntil = new Date(order.issued.validUntil);
    if (validUntil <= now) {
      return refused("certificate_expired", `The certificate expired at ${order.issued.validUntil}: renew it instead.`);
    }
    const errors: ReselloFieldErrors = {};
    const fields = await readOrderFields(body, { required: ["csr"], plans: this.#options.plans, errors });
    // Reissue takes no plan: the plan does not change.
    delete errors.plan;
    const { csr } = fields;
    if (csr) {
      const covered = order.domains.map((domain) => domain.name.toLowerCase());
      const uncovered = csr.names.find((name) => !covered.includes(name.toLowerCase()));
      if (csr.commonName.toLowerCase() !== order.commonName.toLowerCase())
        errors.csr = [`The CSR must be for ${order.commonName}.`];
      else if (uncovered !== undefined)
        errors.csr = [`The CSR names ${uncovered}, which this certificate does not cover.`];
    } else errors.csr ??= [REQUIRED];
    if (!csr || Object.keys(errors).length > 0) return invalidFields(errors);

    const previous = order.issued;
    order.csr = csr.pem;
    order.publicKey = csr.publicKey;
    order.organization = { ...order.organization, ...fields.organization };
    if (fields.clientReference !== undefined) order.clientReference = fields.clientReference;
    if (fields.dcvType !== undefined) order.dcvType = fields.dcvType;
    if (fields.approverEmailAddress !== undefined) order.approverEmailAddress = fields.approverEmailAddress;
    const names = csr.names.map((name) => name.toLowerCase());
    order.domains = order.domains.filter((domain) => names.includes(domain.name.toLowerCase()));
    // The reissued certificate is in force at once, for what is left of the term; the one it replaces is revoked.
    order.issued = await this.#sign(order, now, validUntil);
    order.activeAt = now.toISOString();
    this.#world.ca.revoke(previous.serialNumber, now);
    return { status: 200, body: { success: true, result: certificateView(order) } } as const;
  }

  async #download(id: string, format: ReselloDownloadFormat) {
    const order = await this.#find(id);
    if (!order) return NOT_FOUND;
    if (order.status !== "active" || !order.issued) {
      return conflict(
        "certificate_not_active",
        `The certificate is ${order.status}: its files can be downloaded once it is active.`,
      );
    }
    return downloadResponse(format, {
      issued: order.issued,
      csr: order.csr,
      commonName: order.commonName,
      now: this.#world.clock.now(),
    });
  }

  #disable(order: ReselloOrder, at: Date): void {
    order.status = "disabled";
    order.disabledAt = at.toISOString();
    if (order.issued) this.#world.ca.revoke(order.issued.serialNumber, at);
  }

  /**
   * Moves an order on by what happened since it was last seen: approvals of its emails (proof from the moment of
   * approval), provisioning once every name is proven, and the end of the issuance delay.
   */
  async #advance(order: ReselloOrder): Promise<ReselloOrder> {
    if (order.status !== "pending") return order;
    for (const domain of order.domains) {
      const code = domain.email?.code;
      if (
        domain.status !== "pending" ||
        domain.dcvType !== "EMAIL" ||
        code === undefined ||
        !this.#world.mail.isApproved(code)
      )
        continue;
      const approvedAt = this.#world.mail.inbox().find((email) => email.code === code)?.approvedAt;
      domain.status = "validated";
      domain.validatedAt = approvedAt ?? this.#world.clock.now().toISOString();
    }
    if (order.activeAt === undefined && order.domains.every((domain) => domain.status === "validated")) {
      const proven = Math.max(
        ...order.domains.map((domain) => Date.parse(domain.validatedAt ?? "")).filter(Number.isFinite),
      );
      await this.#provision(order, Number.isFinite(proven) ? new Date(proven) : this.#world.clock.now());
    }
    if (order.activeAt !== undefined && order.issued && new Date(order.activeAt) <= this.#world.clock.now())
      order.status = "active";
    return order;
  }

  /** Signs the certificate for a term of the plan's interval from the end of provisioning, as the CA's answer then. */
  async #provision(order: ReselloOrder, validatedAt: Date): Promise<void> {
    const activeAt = new Date(validatedAt.getTime() + this.#options.issuanceDelayMs);
    order.activeAt = activeAt.toISOString();
    order.issued = await this.#sign(order, activeAt, addMonths(activeAt, this.#planOf(order)?.interval ?? 12));
    if (activeAt <= this.#world.clock.now()) order.status = "active";
  }

  #sign(order: ReselloOrder, validFrom: Date, validUntil: Date) {
    const [commonName = order.commonName, ...altNames] = order.domains.map((domain) => domain.name);
    return this.#world.ca.issue({
      commonName,
      altNames,
      publicKey: order.publicKey,
      validFrom,
      validDays: (validUntil.getTime() - validFrom.getTime()) / DAY_MS,
    });
  }
}
