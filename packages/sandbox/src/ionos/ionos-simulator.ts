import type { Certificate, EnrollRequest, paths } from "@certkit/ionos-ssl";
import type { HttpHandler } from "msw";
import { parseCsr, type IssuedCertificate } from "../ca/sandbox-ca.js";
import { randomToken, randomUuid } from "../random-ids.js";
import type { ProviderSimulator, SimulatorWorld } from "../simulator.js";
import { TypedRoutes } from "../typed-routes.js";
import type { IonosAuthentication, IonosCertificateType } from "../spec-types.js";
import { checkIonosState } from "./ionos-state-schema.js";

type CertificateType = IonosCertificateType;
type AuthenticationMethod = NonNullable<EnrollRequest["authenticationMethod"]>;

const CERTIFICATE_TYPES: readonly CertificateType[] = [
  "SSL_STARTER",
  "SSL_STARTER_WILDCARD",
  "SSL_BUSINESS",
  "SSL_BUSINESS_WILDCARD",
  "SSL_PREMIUM",
];
const AUTHENTICATION_METHODS: readonly AuthenticationMethod[] = ["DNS", "FILE", "EMAIL"];
const VALIDITY_DAYS = 365;
const GATEWAY_MESSAGE = "Missing or invalid API key.";
// IONOS issues 2048-bit RSA only (its createCertificate description).
const MIN_RSA_BITS = 2048;

const DAY_MS = 86_400_000;

/** The state of one certificate slot in use, as the simulator keeps it (JSON). */
export interface IonosOrder {
  id: string;
  certificateType: CertificateType;
  commonName: string;
  authentication: IonosAuthentication;
  /** SPKI PEM of the key the certificate is issued for: the CSR's, or none when IONOS makes (and installs) the key. */
  publicKey?: string;
  /** The code of the approval email, for EMAIL authentication. */
  approvalCode?: string;
  /** When the CA finishes (ISO 8601), once the domain is authenticated. */
  activeAt?: string;
  issued?: IssuedCertificate;
}

/** What the IONOS simulator keeps, as JSON: the certificates in the order they were created. */
export interface IonosState {
  orders: IonosOrder[];
}

/** Options of {@link IonosSimulator}. */
export interface IonosSimulatorOptions {
  /** The API key the simulator accepts in `X-API-Key`. */
  apiKey: string;
  /** Certificates bought per type: the quota that `createCertificate` draws from. */
  slots?: Partial<Record<CertificateType, number>>;
  /** Time from a passed domain validation to an `ACTIVE` certificate. Default 60 s of sandbox time. */
  issuanceDelayMs?: number;
}

const DEFAULT_SLOTS: Record<CertificateType, number> = {
  SSL_STARTER: 10,
  SSL_STARTER_WILDCARD: 2,
  SSL_BUSINESS: 2,
  SSL_BUSINESS_WILDCARD: 1,
  SSL_PREMIUM: 1,
};

function error(status: 400, code: "VALIDATION_FAILED" | "DCV_FAILED", message: string) {
  return { status, body: { code, message } } as const;
}

const notFound = { status: 404, body: { code: "NOT_FOUND", message: "No certificate exists for the specified id." } } as const;

/**
 * A stateful simulator of the IONOS SSL API. A created certificate is `PENDING` with an authentication
 * `WAITING_FOR_CUSTOMER`. For DNS and FILE, `DCV_READY` checks the sandbox's fake DNS (or web) for the expected value;
 * for EMAIL, the approver approves the email in the fake mail. Then the authentication is `AUTHENTICATED`, and after
 * the issuance delay the certificate is `ACTIVE`, signed by the sandbox CA. Unassigning deletes it and frees its slot.
 */
export class IonosSimulator implements ProviderSimulator<IonosState> {
  readonly provider = "ionos-ssl";
  readonly #options: Required<IonosSimulatorOptions>;
  readonly #world: SimulatorWorld;
  #orders = new Map<string, IonosOrder>();
  readonly #routes = new TypedRoutes<paths>();

  constructor(world: SimulatorWorld, options: IonosSimulatorOptions) {
    this.#world = world;
    this.#options = {
      apiKey: options.apiKey,
      slots: { ...DEFAULT_SLOTS, ...options.slots },
      issuanceDelayMs: options.issuanceDelayMs ?? 60_000,
    };
    this.#defineRoutes();
  }

  /** msw handlers serving the simulated API under `baseUrl` (e.g. `https://api.hosting.ionos.com/ssl`). */
  handlers(baseUrl: string): HttpHandler[] {
    return this.#routes.handlers(baseUrl, {
      provider: this.provider,
      faults: this.#world.faults,
      guard: (request) =>
        request.headers.get("x-api-key") === this.#options.apiKey
          ? undefined
          : Response.json({ message: GATEWAY_MESSAGE }, { status: 401 }),
    });
  }

  /** {@inheritDoc ProviderSimulator.snapshot} */
  snapshot(): IonosState {
    return structuredClone({ orders: [...this.#orders.values()] });
  }

  /** {@inheritDoc ProviderSimulator.restore} */
  restore(state: IonosState): void {
    if (!Array.isArray(state?.orders)) throw new TypeError("IONOS sandbox state must be {orders: [...]}");
    checkIonosState(state);
    this.#orders = new Map(structuredClone(state.orders).map((order) => [order.id, order]));
  }

  /** {@inheritDoc ProviderSimulator.reset} */
  reset(): void {
    this.#orders.clear();
  }

  /** An ACTIVE certificate issued a month ago, and one waiting for its DNS record. */
  async seed(): Promise<void> {
    const now = this.#world.clock.now().getTime();
    const issued = this.#newOrder("SSL_STARTER", "shop.example.com", "DNS", undefined);
    issued.authentication.status = "AUTHENTICATED";
    await this.#issue(issued, new Date(now - 30 * DAY_MS));
    this.#newOrder("SSL_BUSINESS", "www.example.org", "DNS", undefined);
  }

  #defineRoutes(): void {
    this.#routes
      .on("get", "/v1/certificates", async ({ query }) => {
        const page = Number(query.get("page") ?? 1);
        const size = Number(query.get("size") ?? 100);
        if (!Number.isInteger(page) || page < 1 || !Number.isInteger(size) || size < 1) {
          return error(400, "VALIDATION_FAILED", "The page number or the page size is invalid.");
        }
        const now = this.#world.clock.now();
        const all = [...this.#orders.values()].filter((order) => this.#world.faults.listLag.listed(`ionos-ssl:${order.id}`, now));
        const onPage = all.slice((page - 1) * size, page * size);
        const certificates = await Promise.all(onPage.map(async (order) => this.#view(await this.#advance(order))));
        return { status: 200, body: { total: all.length, certificates } };
      })
      .on("post", "/v1/certificates", async ({ json }) => this.#create(await json()))
      .on("get", "/v1/certificates/quota", () => {
        const quotaDetails = CERTIFICATE_TYPES.map((type) => ({
          type,
          total: this.#options.slots[type] ?? 0,
          used: this.#used(type),
        }));
        const total = quotaDetails.reduce((sum, detail) => sum + detail.total, 0);
        const used = quotaDetails.reduce((sum, detail) => sum + detail.used, 0);
        return { status: 200, body: { total, used, quotaDetails, flatrate: { used: 0, present: false } } };
      })
      .on("get", "/v1/certificates/{id}", async ({ params }) => {
        const order = this.#orders.get(params.id);
        return order ? { status: 200, body: this.#view(await this.#advance(order)) } : notFound;
      })
      .on("delete", "/v1/certificates/{id}", ({ params }) => {
        if (!this.#orders.delete(params.id)) return notFound;
        return { status: 204, body: null };
      })
      .on("post", "/v1/certificates/{id}/authentications/{authenticationId}", async ({ params, query }) => {
        const order = this.#orders.get(params.id);
        if (order?.authentication.id !== params.authenticationId) return notFound;
        if (query.get("action") !== "DCV_READY") {
          return { status: 400, body: { message: "The action must be DCV_READY." } };
        }
        return this.#completeValidation(order);
      });
  }

  #used(type: CertificateType): number {
    return [...this.#orders.values()].filter((order) => order.certificateType === type).length;
  }

  async #create(body: Partial<EnrollRequest> | undefined) {
    const { certificateType, commonName, csr, authenticationMethod = "DNS" } = body ?? {};
    if (!certificateType || !CERTIFICATE_TYPES.includes(certificateType)) {
      return error(400, "VALIDATION_FAILED", `certificateType must be one of ${CERTIFICATE_TYPES.join(", ")}.`);
    }
    if (typeof commonName !== "string" || commonName.trim() === "") {
      return error(400, "VALIDATION_FAILED", "commonName is required.");
    }
    if (!AUTHENTICATION_METHODS.includes(authenticationMethod)) {
      return error(400, "VALIDATION_FAILED", `authenticationMethod must be one of ${AUTHENTICATION_METHODS.join(", ")}.`);
    }
    const wildcard = certificateType.endsWith("_WILDCARD");
    if (wildcard !== commonName.startsWith("*.")) {
      return error(
        400,
        "VALIDATION_FAILED",
        wildcard ? `A ${certificateType} certificate needs a wildcard commonName (*.domain).` : `${certificateType} does not cover a wildcard commonName.`,
      );
    }
    if (this.#used(certificateType) >= (this.#options.slots[certificateType] ?? 0)) {
      return {
        status: 404,
        body: { code: "NOT_FOUND", message: `No unused SSL items were found in your account of type ${certificateType}.` },
      } as const;
    }
    let publicKey: string | undefined;
    if (csr !== undefined) {
      const parsed = await parseCsr(String(csr));
      if ("problem" in parsed) return error(400, "VALIDATION_FAILED", parsed.problem);
      if (parsed.key.type !== "rsa" || parsed.key.bits < MIN_RSA_BITS) {
        return error(400, "VALIDATION_FAILED", `The CSR must use RSA with key size ${MIN_RSA_BITS} bits.`);
      }
      if (!parsed.names.some((name) => name.toLowerCase() === commonName.toLowerCase())) {
        return error(400, "VALIDATION_FAILED", `The CSR is not for ${commonName}.`);
      }
      publicKey = parsed.publicKey;
    }
    const order = this.#newOrder(certificateType, commonName, authenticationMethod, publicKey);
    return { status: 202, body: this.#view(order) } as const;
  }

  #newOrder(certificateType: CertificateType, commonName: string, method: AuthenticationMethod, publicKey: string | undefined): IonosOrder {
    const domain = commonName.replace(/^\*\./, "").toLowerCase();
    const name =
      method === "FILE"
        ? `http://${domain}/.well-known/pki-validation/fileauth.txt`
        : method === "DNS"
          ? `_dnsauth.${domain}`
          : `admin@${domain}`;
    const order: IonosOrder = {
      id: randomUuid(),
      certificateType,
      commonName,
      ...(publicKey === undefined ? {} : { publicKey }),
      authentication: { id: randomUuid(), method, name, content: randomToken(), status: "WAITING_FOR_CUSTOMER" },
    };
    if (method === "EMAIL") {
      order.approvalCode = this.#world.mail.send({
        to: name,
        subject: `Approve the SSL certificate for ${commonName}`,
        sentAt: this.#world.clock.now(),
      });
    }
    this.#orders.set(order.id, order);
    this.#world.faults.listLag.noteCreated(`ionos-ssl:${order.id}`, this.#world.clock.now());
    return order;
  }

  async #completeValidation(order: IonosOrder) {
    const { authentication } = order;
    if (authentication.status === "AUTHENTICATED") return { status: 204, body: null } as const;
    if (authentication.method === "EMAIL") {
      return error(400, "VALIDATION_FAILED", "DCV_READY applies to DNS and FILE authentication only.");
    }
    const published =
      authentication.method === "DNS"
        ? this.#world.dns.lookupTxt(authentication.name).includes(authentication.content)
        : this.#world.web.read(authentication.name)?.trim() === authentication.content;
    if (!published) {
      const where = authentication.method === "DNS" ? `TXT record ${authentication.name}` : `file ${authentication.name}`;
      return error(400, "DCV_FAILED", `The domain validation failed: the ${where} does not hold the expected value.`);
    }
    authentication.status = "AUTHENTICATED";
    await this.#issue(order, new Date(this.#world.clock.now().getTime() + this.#options.issuanceDelayMs));
    return { status: 204, body: null } as const;
  }

  /** Moves an order on by what happened outside the API since it was last seen: an approved email. */
  async #advance(order: IonosOrder): Promise<IonosOrder> {
    const { authentication } = order;
    if (authentication.status === "WAITING_FOR_CUSTOMER" && order.approvalCode && this.#world.mail.isApproved(order.approvalCode)) {
      authentication.status = "AUTHENTICATED";
      await this.#issue(order, new Date(this.#world.clock.now().getTime() + this.#options.issuanceDelayMs));
    }
    return order;
  }

  /** Signs the certificate now, to be shown from `activeAt` on, as the CA's answer arriving then. */
  async #issue(order: IonosOrder, activeAt: Date): Promise<void> {
    order.activeAt = activeAt.toISOString();
    order.issued = await this.#world.ca.issue({
      commonName: order.commonName,
      altNames: [],
      publicKey: order.publicKey ?? (await this.#world.ca.generateKey()).publicKey,
      validFrom: activeAt,
      validDays: VALIDITY_DAYS,
    });
  }

  /** The certificate as the API shows it at the sandbox's current time. */
  #view(order: IonosOrder): Certificate {
    const active = order.issued !== undefined && order.activeAt !== undefined && new Date(order.activeAt) <= this.#world.clock.now();
    const base: Certificate = {
      id: order.id,
      certificateType: order.certificateType,
      authenticationMethod: order.authentication.method,
      authenticationSummary: { ...order.authentication },
      status: active ? "ACTIVE" : "PENDING",
      commonName: order.commonName,
      alternativeNames: [],
      links: [{ rel: "self", href: `/v1/certificates/${order.id}` }],
    };
    if (!active || !order.issued) return base;
    return {
      ...base,
      validFrom: order.issued.validFrom,
      validUntil: order.issued.validUntil,
      serialNumber: order.issued.serialNumber,
      caOrderId: `sandbox-${order.id.slice(0, 8)}`,
      certificate: order.issued.certificate,
      caCertificates: [
        { type: "INTERMEDIATE", certificate: order.issued.intermediate },
        { type: "ROOT", certificate: order.issued.root },
      ],
    };
  }
}
