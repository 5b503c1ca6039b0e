import type { paths } from "@certkit/ionos-ssl";
import type { HttpHandler } from "msw";
import { DEFAULT_ISSUANCE_DELAY_MS, type ProviderSimulator, type SimulatorWorld } from "../../simulator.js";
import type { IonosCertificateType } from "./ionos-ssl-spec-types.js";
import { TypedRoutes } from "../../typed-routes.js";
import { ionosError, IONOS_NOT_FOUND, readEnrollment, readPage } from "./ionos-ssl-requests.js";
import { newIonosOrder, type IonosEnrollment, type IonosOrder, type IonosState } from "./ionos-ssl-state.js";
import { checkIonosState } from "./ionos-ssl-state-schema.js";
import { certificateView, quotaView } from "./ionos-ssl-views.js";

const VALIDITY_DAYS = 365;
const GATEWAY_MESSAGE = "Missing or invalid API key.";
const DAY_MS = 86_400_000;

/** Options of {@link IonosSimulator}. */
export interface IonosSimulatorOptions {
  /** The API key the simulator accepts in `X-API-Key`. */
  apiKey: string;
  /** Certificates bought per type: the quota that `createCertificate` draws from. Default {@link DEFAULT_IONOS_SLOTS}. */
  slots?: Partial<Record<IonosCertificateType, number>>;
  /** Time from a passed domain validation to an `ACTIVE` certificate. Default 60 s of sandbox time. */
  issuanceDelayMs?: number;
}

/** The certificates a simulated IONOS account has bought, per type, unless told otherwise. */
export const DEFAULT_IONOS_SLOTS: Readonly<Record<IonosCertificateType, number>> = {
  SSL_STARTER: 10,
  SSL_STARTER_WILDCARD: 2,
  SSL_BUSINESS: 2,
  SSL_BUSINESS_WILDCARD: 1,
  SSL_PREMIUM: 1,
};

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
      slots: { ...DEFAULT_IONOS_SLOTS, ...options.slots },
      issuanceDelayMs: options.issuanceDelayMs ?? DEFAULT_ISSUANCE_DELAY_MS,
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
  orderCount(): number {
    return this.#orders.size;
  }

  reset(): void {
    this.#orders.clear();
  }

  /** An ACTIVE certificate issued a month ago, and one waiting for its DNS record. */
  async seed(): Promise<void> {
    const now = this.#world.clock.now().getTime();
    const dns = { authenticationMethod: "DNS", publicKey: undefined } as const;
    const issued = this.#add({ certificateType: "SSL_STARTER", commonName: "shop.example.com", ...dns });
    issued.authentication.status = "AUTHENTICATED";
    await this.#issue(issued, new Date(now - 30 * DAY_MS));
    this.#add({ certificateType: "SSL_BUSINESS", commonName: "www.example.org", ...dns });
  }

  #defineRoutes(): void {
    this.#routes
      .on("get", "/v1/certificates", async ({ query }) => {
        const paging = readPage(query);
        if (!paging) return ionosError("VALIDATION_FAILED", "The page number or the page size is invalid.");
        const now = this.#world.clock.now();
        const all = [...this.#orders.values()].filter((order) =>
          this.#world.faults.listLag.listed(`ionos-ssl:${order.id}`, now),
        );
        const onPage = all.slice((paging.page - 1) * paging.size, paging.page * paging.size);
        const certificates = await Promise.all(onPage.map(async (order) => this.#view(await this.#advance(order))));
        return { status: 200, body: { total: all.length, certificates } };
      })
      .on("post", "/v1/certificates", async ({ json }) => {
        const read = await readEnrollment(await json(), (type) => this.#used(type) < (this.#options.slots[type] ?? 0));
        if (!("enrollment" in read)) return read;
        return { status: 202, body: this.#view(this.#add(read.enrollment)) } as const;
      })
      .on("get", "/v1/certificates/quota", () => ({
        status: 200,
        body: quotaView(this.#options.slots, (type) => this.#used(type)),
      }))
      .on("get", "/v1/certificates/{id}", async ({ params }) => {
        const order = this.#orders.get(params.id);
        return order ? { status: 200, body: this.#view(await this.#advance(order)) } : IONOS_NOT_FOUND;
      })
      .on("delete", "/v1/certificates/{id}", ({ params }) => {
        if (!this.#orders.delete(params.id)) return IONOS_NOT_FOUND;
        return { status: 204, body: null };
      })
      .on("post", "/v1/certificates/{id}/authentications/{authenticationId}", async ({ params, query }) => {
        const order = this.#orders.get(params.id);
        if (order?.authentication.id !== params.authenticationId) return IONOS_NOT_FOUND;
        if (query.get("action") !== "DCV_READY") {
          return { status: 400, body: { message: "The action must be DCV_READY." } };
        }
        return this.#completeValidation(order);
      });
  }

  #used(type: IonosCertificateType): number {
    return [...this.#orders.values()].filter((order) => order.certificateType === type).length;
  }

  /** Adds a certificate for `enrollment`, sending the approval email when the method is EMAIL. */
  #add(enrollment: IonosEnrollment): IonosOrder {
    const order = newIonosOrder(enrollment);
    const now = this.#world.clock.now();
    if (order.authentication.method === "EMAIL") {
      order.approvalCode = this.#world.mail.send({
        to: order.authentication.name,
        subject: `Approve the SSL certificate for ${order.commonName}`,
        sentAt: now,
      });
    }
    this.#orders.set(order.id, order);
    this.#world.faults.listLag.noteCreated(`ionos-ssl:${order.id}`, now);
    return order;
  }

  async #completeValidation(order: IonosOrder) {
    const { authentication } = order;
    if (authentication.status === "AUTHENTICATED") return { status: 204, body: null } as const;
    if (authentication.method === "EMAIL")
      return ionosError("VALIDATION_FAILED", "DCV_READY applies to DNS and FILE authentication only.");
    const published =
      authentication.method === "DNS"
        ? this.#world.dns.lookupTxt(authentication.name).includes(authentication.content)
        : this.#world.web.read(authentication.name)?.trim() === authentication.content;
    if (!published) {
      const where =
        authentication.method === "DNS" ? `TXT record ${authentication.name}` : `file ${authentication.name}`;
      return ionosError("DCV_FAILED", `The domain validation failed: the ${where} does not hold the expected value.`);
    }
    authentication.status = "AUTHENTICATED";
    await this.#issue(order, new Date(this.#world.clock.now().getTime() + this.#options.issuanceDelayMs));
    return { status: 204, body: null } as const;
  }

  /** Moves an order on by what happened outside the API since it was last seen: an approved email. */
  async #advance(order: IonosOrder): Promise<IonosOrder> {
    const { authentication } = order;
    if (
      authentication.status === "WAITING_FOR_CUSTOMER" &&
      order.approvalCode &&
      this.#world.mail.isApproved(order.approvalCode)
    ) {
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

  #view(order: IonosOrder) {
    return certificateView(order, this.#world.clock.now());
  }
}
