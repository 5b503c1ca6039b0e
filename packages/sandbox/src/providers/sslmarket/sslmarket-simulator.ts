import "reflect-metadata";
import type * as x509 from "@peculiar/x509";
import type { CertificateFormat, DcvMethod, paths } from "@certkit/sslmarket";
import type { HttpHandler } from "msw";
import { toPkcs7 } from "../../ca/certificate-formats.js";
import { generateCsr } from "../../ca/generate-csr.js";
import { randomToken } from "../../random-ids.js";
import { DEFAULT_ISSUANCE_DELAY_MS, type ProviderSimulator, type SimulatorWorld } from "../../simulator.js";
import { TypedRoutes } from "../../typed-routes.js";
import { approverDomains, isDomainControlProven, sendApprovalEmails, unapprovedDomains } from "./sslmarket-dcv.js";
import { clientError, orderNotFound, unauthorized, wrongState, type SslmarketErrorReply } from "./sslmarket-errors.js";
import { readCsr, readOrderChanges, readOrderRequest } from "./sslmarket-requests.js";
import { orderDetail, orderListItem, orderState, sslmarketDateTime } from "./sslmarket-views.js";
import { DEFAULT_SSLMARKET_PRODUCTS, productView, type SslmarketProductSettings } from "./sslmarket-products.js";
import { checkSslmarketState, type SslmarketOrder, type SslmarketState } from "./sslmarket-state.js";
import { decodeCertificate, decodeCsr, readCertificate } from "./sslmarket-tools.js";
import { SSLMARKET_DEMO_CONTACTS } from "./sslmarket-demo-contacts.js";
import { checkSslmarketStateFields } from "./sslmarket-state-schema.js";

/** Options of {@link SslmarketSimulator}. */
export interface SslmarketSimulatorOptions {
  /** The API key the simulator accepts in `X-Auth-Token`. */
  token: string;
  /** The products the account can order. Default {@link DEFAULT_SSLMARKET_PRODUCTS}. */
  products?: readonly SslmarketProductSettings[];
  /** Time from proven domain control (or, for a client certificate, from the order) to `published`. Default 60 s of sandbox time. */
  issuanceDelayMs?: number;
  /** Time from a reissue request to the new certificate. Default: the issuance delay. */
  reissueDelayMs?: number;
}

const FIRST_ORDER_ID = 100_001;
// Each certificate is valid one year; a multi-year order is covered by yearly reissues (not simulated).
const VALIDITY_DAYS = 365;
const OCSP_NEXT_UPDATE_MS = 7 * 86_400_000;
const DAY_MS = 86_400_000;
const FORMATS: readonly CertificateFormat[] = ["pem_server", "pem_intermediate", "p7b"];

/**
 * A stateful simulator of the SSLmarket API. A server-certificate order starts `pending_validation`; the CA looks
 * for proof of domain control on its own (there is no "validate now" call), which the simulator does whenever the
 * order is read or acted on: a TXT record holding `dv_auth_content` at each name (or `_dnsauth.<name>`), the
 * file `/.well-known/pki-validation/fileauth.txt` holding it on each name, or an approved DCV e-mail per domain.
 * Then the order is `processing`, and `published` after the issuance delay, signed by the sandbox CA. A reissue
 * runs `reissuing` until the new certificate (same expiry) arrives or the reissue is cancelled; a revocation makes
 * it `revoked` for good.
 */
export class SslmarketSimulator implements ProviderSimulator<SslmarketState> {
  readonly provider = "sslmarket";
  readonly #world: SimulatorWorld;
  readonly #options: Required<SslmarketSimulatorOptions>;
  readonly #routes = new TypedRoutes<paths>();
  #orders = new Map<number, SslmarketOrder>();
  #nextOrderId = FIRST_ORDER_ID;
  // The lifecycle step running per order, so concurrent reads do not issue one certificate twice.
  readonly #advancing = new Map<SslmarketOrder, Promise<void>>();

  constructor(world: SimulatorWorld, options: SslmarketSimulatorOptions) {
    this.#world = world;
    this.#options = {
      token: options.token,
      products: options.products ?? DEFAULT_SSLMARKET_PRODUCTS,
      issuanceDelayMs: options.issuanceDelayMs ?? DEFAULT_ISSUANCE_DELAY_MS,
      reissueDelayMs: options.reissueDelayMs ?? options.issuanceDelayMs ?? DEFAULT_ISSUANCE_DELAY_MS,
    };
    this.#defineRoutes();
  }

  /** msw handlers serving the simulated API under `baseUrl` (e.g. `https://www.sslmarket.co.uk/api`). */
  handlers(baseUrl: string): HttpHandler[] {
    return this.#routes.handlers(baseUrl, {
      provider: this.provider,
      faults: this.#world.faults,
      guard: (request) => (request.headers.get("x-auth-token") === this.#options.token ? undefined : unauthorized()),
    });
  }

  /** {@inheritDoc ProviderSimulator.snapshot} */
  snapshot(): SslmarketState {
    return structuredClone({ nextOrderId: this.#nextOrderId, orders: [...this.#orders.values()] });
  }

  /** {@inheritDoc ProviderSimulator.restore} */
  restore(state: SslmarketState): void {
    checkSslmarketState(state);
    checkSslmarketStateFields(state);
    const copy = structuredClone(state);
    this.#orders = new Map(copy.orders.map((order) => [order.orderId, order]));
    this.#nextOrderId = copy.nextOrderId;
  }

  /** {@inheritDoc ProviderSimulator.reset} */
  orderCount(): number {
    return this.#orders.size;
  }

  reset(): void {
    this.#orders.clear();
    this.#nextOrderId = FIRST_ORDER_ID;
  }

  /**
   * A DV certificate published 200 days ago, a multi-domain order waiting for its DNS records, and a client
   * certificate revoked 10 days ago.
   */
  async seed(): Promise<void> {
    const now = this.#world.clock.now().getTime();
    const daysAgo = (days: number) => new Date(now - days * DAY_MS);

    const issued = await this.#seedOrder("rapidssl-rapidssl-dv", "shop.example.com", [], "DNS", daysAgo(201));
    issued.certificate = await this.#sign(issued, daysAgo(200), VALIDITY_DAYS);
    issued.status = "published";

    await this.#seedOrder("geotrust-geotrust-standard-dv-ssl", "www.example.org", ["example.org"], "DNS", daysAgo(0.1));

    const revoked = await this.#seedOrder(
      "digicert-client-premium-class-1",
      "jane.doe@example.net",
      [],
      undefined,
      daysAgo(91),
    );
    revoked.certificate = await this.#sign(revoked, daysAgo(90), VALIDITY_DAYS);
    revoked.status = "revoked";
    revoked.revokedAt = daysAgo(10).toISOString();
    this.#world.ca.revoke(revoked.certificate.serialNumber, daysAgo(10));
  }

  async #seedOrder(
    productCode: string,
    domain: string,
    dnsNames: string[],
    dcvMethod: DcvMethod | undefined,
    insertedAt: Date,
  ) {
    const { csr } = await generateCsr({ commonName: domain, altNames: dnsNames, keyType: "ec-p256" });
    const accepted = await readCsr(csr);
    if ("status" in accepted) throw new Error("the sandbox's own CSR was refused");
    const product = this.#product(productCode);
    const order: SslmarketOrder = {
      orderId: this.#nextOrderId++,
      productCode,
      productType: product?.product_type ?? "ssl_certificate",
      domain,
      dnsNames,
      years: 1,
      csr: accepted.csr,
      publicKey: accepted.publicKey,
      contacts: { ...SSLMARKET_DEMO_CONTACTS },
      ...(dcvMethod ? { dcvMethod } : {}),
      dcvContent: randomToken(),
      approvalCodes: {},
      status: "pending_validation",
      insertedAt: insertedAt.toISOString(),
    };
    this.#orders.set(order.orderId, order);
    return order;
  }

  #product(code: string): SslmarketProductSettings | undefined {
    return this.#options.products.find((product) => product.product_code === code);
  }

  /** The order with the number in a path, moved on to the present. */
  async #find(orderId: string): Promise<SslmarketOrder | undefined> {
    const order = this.#orders.get(Number(orderId));
    if (order) await this.#advance(order);
    return order;
  }

  #defineRoutes(): void {
    this.#routes
      .on("get", "/product/list", () => ({ status: 200, body: { products: this.#options.products.map(productView) } }))
      .on("get", "/order/list", async () => {
        const now = this.#world.clock.now();
        const orders = [...this.#orders.values()].filter((order) =>
          this.#world.faults.listLag.listed(`sslmarket:${order.orderId}`, now),
        );
        for (const order of orders) await this.#advance(order);
        return { status: 200, body: { orders: orders.map((order) => orderListItem(order, now)) } };
      })
      .on("post", "/order/certificate/{product_code}", async ({ params, json }) =>
        this.#create(params.product_code, await json()),
      )
      .on("get", "/order/order_id/{order_id}", async ({ params }) => {
        const order = await this.#find(params.order_id);
        return order
          ? { status: 200, body: orderDetail(order, this.#world.clock.now()) }
          : orderNotFound(params.order_id);
      })
      .on("put", "/order/order_id/{order_id}", async ({ params, json }) => {
        const order = await this.#find(params.order_id);
        if (!order) return orderNotFound(params.order_id);
        if (order.status !== "pending_validation") return wrongState("Editing the order", order.status);
        const changes = await readOrderChanges(await json(), order.productType, order.domain);
        if ("status" in changes) return changes;
        Object.assign(order.contacts, changes.contacts);
        if (changes.csr) {
          order.csr = changes.csr.csr;
          order.publicKey = changes.csr.publicKey;
        }
        if (changes.dcvMethod && changes.dcvMethod !== order.dcvMethod) {
          order.dcvMethod = changes.dcvMethod;
          if (changes.dcvMethod === "Email") sendApprovalEmails(this.#world, order, approverDomains(order));
        }
        return { status: 200, body: null };
      })
      .on("put", "/certificate/order_id/{order_id}/resend", async ({ params }) => {
        const order = await this.#find(params.order_id);
        if (!order) return orderNotFound(params.order_id);
        if (order.dcvMethod !== "Email") {
          return clientError(
            400,
            "invalid_dcv_method",
            `Order ${order.orderId} is not validated by e-mail, so there is no DCV e-mail to send.`,
          );
        }
        if (order.status !== "pending_validation")
          return wrongState("Resending the DCV e-mail", orderState(order, this.#world.clock.now()));
        sendApprovalEmails(this.#world, order, unapprovedDomains(this.#world, order));
        return { status: 202, body: null };
      })
      .on("post", "/certificate/order_id/{order_id}/reissue", async ({ params, json }) => {
        const order = await this.#find(params.order_id);
        if (!order) return orderNotFound(params.order_id);
        const state = orderState(order, this.#world.clock.now());
        if (state !== "published") return wrongState("A reissue", state);
        const csr = await readCsr((await json())?.csr);
        if ("status" in csr) return csr;
        order.status = "reissuing";
        order.reissue = { ...csr, dueAt: this.#after(this.#options.reissueDelayMs).toISOString() };
        return { status: 202, body: null };
      })
      .on("put", "/certificate/order_id/{order_id}/cancel-reissue", async ({ params }) => {
        const order = await this.#find(params.order_id);
        if (!order) return orderNotFound(params.order_id);
        if (order.status !== "reissuing")
          return wrongState("Cancelling a reissue", orderState(order, this.#world.clock.now()));
        delete order.reissue;
        order.status = "published";
        return { status: 202, body: null };
      })
      .on("put", "/certificate/order_id/{order_id}/revoke", async ({ params }) => this.#revoke(params.order_id))
      .on("get", "/certificate/order_id/{order_id}/format/{format}", async ({ params }) =>
        this.#download(params.order_id, params.format),
      )
      .on("post", "/tool/decoder/csr", async ({ json }) => {
        const csr = (await json())?.csr;
        if (typeof csr !== "string" || csr.trim() === "")
          return clientError(400, "validation_error", "csr is required.", { csr: ["is required"] });
        const decoded = await decodeCsr(csr);
        return "problem" in decoded
          ? clientError(400, "invalid_csr", decoded.problem)
          : { status: 200, body: { csr: decoded } };
      })
      .on("post", "/tool/decoder/certificate", async ({ json }) => {
        const certificate = this.#readCertificateInput((await json())?.certificate);
        return "status" in certificate
          ? certificate
          : { status: 200, body: { certificate: decodeCertificate(certificate) } };
      })
      .on("post", "/tool/ocsp", async ({ json }) => {
        const certificate = this.#readCertificateInput((await json())?.certificate);
        return "status" in certificate ? certificate : this.#ocsp(certificate);
      });
  }

  async #create(productCode: string, body: Parameters<typeof readOrderRequest>[0]) {
    const product = this.#product(productCode);
    if (!product)
      return clientError(404, "product_not_found", `There is no product ${productCode} available through the API.`);
    const request = await readOrderRequest(body, product);
    if ("status" in request) return request;
    const publicKey = request.csr?.publicKey ?? (await this.#world.ca.generateKey()).publicKey;
    const now = this.#world.clock.now();
    const order: SslmarketOrder = {
      orderId: this.#nextOrderId++,
      productCode,
      productType: product.product_type,
      domain: request.domain,
      dnsNames: request.dnsNames,
      years: request.years,
      csr: request.csr?.csr ?? null,
      publicKey,
      contacts: request.contacts,
      ...(request.dcvMethod ? { dcvMethod: request.dcvMethod } : {}),
      dcvContent: randomToken(),
      approvalCodes: {},
      // A client certificate has no DCV: its organisation check is the CA's own, done within the issuance delay.
      ...(request.dcvMethod
        ? { status: "pending_validation" as const }
        : { status: "processing" as const, issueAt: this.#after(this.#options.issuanceDelayMs).toISOString() }),
      insertedAt: now.toISOString(),
    };
    if (order.dcvMethod === "Email") sendApprovalEmails(this.#world, order, approverDomains(order));
    this.#orders.set(order.orderId, order);
    this.#world.faults.listLag.noteCreated(`sslmarket:${order.orderId}`, now);
    return { status: 201, body: { order_id: order.orderId } } as const;
  }

  async #revoke(orderId: string) {
    const order = await this.#find(orderId);
    if (!order) return orderNotFound(orderId);
    const product = this.#product(order.productCode);
    if (!product?.revocable) {
      return clientError(
        400,
        "revocation_not_available",
        `${product?.title ?? order.productCode} certificates cannot be revoked through the API.`,
      );
    }
    const state = orderState(order, this.#world.clock.now());
    if (state !== "published" || !order.certificate) return wrongState("Revocation", state);
    const now = this.#world.clock.now();
    this.#world.ca.revoke(order.certificate.serialNumber, now);
    order.status = "revoked";
    order.revokedAt = now.toISOString();
    return { status: 202, body: null } as const;
  }

  async #download(orderId: string, format: string) {
    const order = await this.#find(orderId);
    if (!order) return orderNotFound(orderId);
    if (!FORMATS.includes(format as CertificateFormat)) {
      return clientError(400, "invalid_format", `The format must be one of ${FORMATS.join(", ")}.`);
    }
    const state = orderState(order, this.#world.clock.now());
    const { certificate } = order;
    if (!certificate || !["published", "reissuing", "expired"].includes(state))
      return wrongState("Downloading the certificate", state);
    if (format === "p7b") {
      const bytes = toPkcs7([certificate.certificate, certificate.intermediate, certificate.root], "der");
      return new Response(new Uint8Array(bytes), { headers: { "content-type": "application/pkcs7-mime" } });
    }
    const pems =
      format === "pem_server" ? [certificate.certificate] : [certificate.certificate, certificate.intermediate];
    return { status: 200, body: `${pems.map((pem) => pem.trim()).join("\n")}\n` } as const;
  }

  #readCertificateInput(value: unknown): x509.X509Certificate | SslmarketErrorReply {
    if (typeof value !== "string" || value.trim() === "") {
      return clientError(400, "validation_error", "certificate is required.", { certificate: ["is required"] });
    }
    return readCertificate(value) ?? clientError(400, "invalid_certificate", "The certificate could not be parsed.");
  }

  /**
   * The OCSP answer for a certificate: `good` or `revoked` from the sandbox CA's records, and `unknown` (which the
   * spec's enum does not have, hence a plain response) for a certificate the sandbox CA did not sign.
   */
  async #ocsp(certificate: x509.X509Certificate) {
    const now = this.#world.clock.now();
    const times = {
      this_update: sslmarketDateTime(now.toISOString()),
      next_update: sslmarketDateTime(new Date(now.getTime() + OCSP_NEXT_UPDATE_MS).toISOString()),
    };
    if (!(await this.#world.ca.signed(certificate.toString("pem"))))
      return Response.json({ status: "unknown", ...times });
    const revoked = this.#world.ca.revokedAt(certificate.serialNumber) !== undefined;
    return { status: 200, body: { status: revoked ? "revoked" : "good", ...times } } as const;
  }

  #after(delayMs: number): Date {
    return new Date(this.#world.clock.now().getTime() + delayMs);
  }

  /** Runs the order's lifecycle up to now, one step at a time per order. */
  async #advance(order: SslmarketOrder): Promise<void> {
    const step = (this.#advancing.get(order) ?? Promise.resolve()).then(() => this.#step(order));
    this.#advancing.set(order, step);
    try {
      await step;
    } finally {
      if (this.#advancing.get(order) === step) this.#advancing.delete(order);
    }
  }

  /** Moves an order on by what happened since it was last seen: proof of domain control, and delays that ran out. */
  async #step(order: SslmarketOrder): Promise<void> {
    const now = this.#world.clock.now();
    if (order.status === "pending_validation" && isDomainControlProven(this.#world, order)) {
      order.status = "processing";
      order.issueAt = this.#after(this.#options.issuanceDelayMs).toISOString();
    }
    if (order.status === "processing" && order.issueAt && new Date(order.issueAt) <= now) {
      order.certificate = await this.#sign(order, new Date(order.issueAt), VALIDITY_DAYS);
      order.status = "published";
      delete order.issueAt;
    }
    if (order.status === "reissuing" && order.reissue && order.certificate && new Date(order.reissue.dueAt) <= now) {
      const { reissue, certificate } = order;
      const validFrom = new Date(reissue.dueAt);
      const validUntil = new Date(certificate.validUntil);
      delete order.reissue;
      order.status = "published";
      // A reissue keeps the certificate's expiry; one that would start after it has nothing left to cover.
      if (validFrom < validUntil) {
        order.csr = reissue.csr;
        order.publicKey = reissue.publicKey;
        order.certificate = await this.#sign(order, validFrom, (validUntil.getTime() - validFrom.getTime()) / DAY_MS);
      }
    }
  }

  #sign(order: SslmarketOrder, validFrom: Date, validDays: number) {
    return this.#world.ca.issue({
      commonName: order.domain,
      altNames: order.dnsNames,
      publicKey: order.publicKey,
      validFrom,
      validDays,
    });
  }
}
