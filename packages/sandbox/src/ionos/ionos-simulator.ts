import type { AuthenticationSummary, Certificate, EnrollRequest, paths } from "@certkit/ionos-ssl";
import type { HttpHandler } from "msw";
import { parseCsr, type IssuedCertificate, type LeafRequest, type SandboxCa } from "../ca/sandbox-ca.js";
import type { SandboxClock } from "../clock.js";
import { randomToken, randomUuid } from "../random-ids.js";
import type { FakeDns } from "../state/fake-dns.js";
import type { FakeWeb } from "../state/fake-web.js";
import { TypedRoutes } from "../typed-routes.js";

type CertificateType = EnrollRequest["certificateType"];
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

/** The state of one certificate slot in use, as the simulator keeps it. */
interface IonosOrder {
  id: string;
  certificateType: CertificateType;
  commonName: string;
  authentication: Required<AuthenticationSummary>;
  /** The key the certificate is issued for: the CSR's, or one the simulator made (IONOS installs it itself). */
  publicKey: LeafRequest["publicKey"] | undefined;
  /** When the CA finishes, once the domain is authenticated. */
  activeAt?: Date;
  issued?: IssuedCertificate;
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

/** What the simulator shares with the rest of the sandbox. */
export interface SimulatorWorld {
  clock: SandboxClock;
  dns: FakeDns;
  web: FakeWeb;
  ca: SandboxCa;
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
 * A stateful simulator of the IONOS SSL API. A created certificate is `PENDING` with a DNS (or FILE) authentication
 * `WAITING_FOR_CUSTOMER`; `DCV_READY` checks the sandbox's fake DNS (or web) for the expected record and, when it is
 * there, marks the authentication `AUTHENTICATED`; after the issuance delay the certificate is `ACTIVE`, signed by the
 * sandbox CA. Email authentication is not simulated.
 */
export class IonosSimulator {
  readonly #options: Required<IonosSimulatorOptions>;
  readonly #world: SimulatorWorld;
  readonly #orders = new Map<string, IonosOrder>();
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
    return this.#routes.handlers(baseUrl, (request) =>
      request.headers.get("x-api-key") === this.#options.apiKey
        ? undefined
        : Response.json({ message: GATEWAY_MESSAGE }, { status: 401 }),
    );
  }

  #defineRoutes(): void {
    this.#routes
      .on("get", "/v1/certificates", ({ query }) => {
        const page = Number(query.get("page") ?? 1);
        const size = Number(query.get("size") ?? 100);
        if (!Number.isInteger(page) || page < 1 || !Number.isInteger(size) || size < 1) {
          return error(400, "VALIDATION_FAILED", "The page number or the page size is invalid.");
        }
        const all = [...this.#orders.values()];
        const certificates = all.slice((page - 1) * size, page * size).map((order) => this.#view(order));
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
      .on("get", "/v1/certificates/{id}", ({ params }) => {
        const order = this.#orders.get(params.id);
        return order ? { status: 200, body: this.#view(order) } : notFound;
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
    let publicKey: IonosOrder["publicKey"];
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
    const id = randomUuid();
    const domain = commonName.replace(/^\*\./, "").toLowerCase();
    const order: IonosOrder = {
      id,
      certificateType,
      commonName,
      publicKey,
      authentication: {
        id: randomUuid(),
        method: authenticationMethod,
        name:
          authenticationMethod === "FILE"
            ? `http://${domain}/.well-known/pki-validation/fileauth.txt`
            : authenticationMethod === "DNS"
              ? `_dnsauth.${domain}`
              : `hostmaster@${domain}`,
        content: randomToken(),
        status: "WAITING_FOR_CUSTOMER",
      },
    };
    this.#orders.set(id, order);
    return { status: 202, body: this.#view(order) } as const;
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
    const activeAt = new Date(this.#world.clock.now().getTime() + this.#options.issuanceDelayMs);
    order.activeAt = activeAt;
    order.issued = await this.#world.ca.issue({
      commonName: order.commonName,
      altNames: [],
      publicKey: order.publicKey ?? (await this.#world.ca.generateKeyPair()).publicKey,
      validFrom: activeAt,
      validDays: VALIDITY_DAYS,
    });
    return { status: 204, body: null } as const;
  }

  /** The certificate as the API shows it at the sandbox's current time. */
  #view(order: IonosOrder): Certificate {
    const active = order.issued !== undefined && order.activeAt !== undefined && order.activeAt <= this.#world.clock.now();
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
      validFrom: order.issued.validFrom.toISOString(),
      validUntil: order.issued.validUntil.toISOString(),
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
