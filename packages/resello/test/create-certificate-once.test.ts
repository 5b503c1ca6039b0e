import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import {
  CertkitError,
  createCertificateOnce,
  createReselloClient,
  findCertificateByClientReference,
  type Certificate,
  type CreateCertificateRequest,
} from "../src/index.js";
import { CLIENT_REFERENCE, CSR_PEM, envelope, PLAN_ID } from "./support/fixtures.js";
import { API_KEY, BASE_URL, RESELLER_REFERENCE, requests, server } from "./support/server.js";

const resello = () =>
  createReselloClient({ resellerReference: RESELLER_REFERENCE, apiKey: API_KEY, baseUrl: BASE_URL, retry: false });

const order = { csr: CSR_PEM, dcv_type: "DNS", plan: PLAN_ID, client_reference: CLIENT_REFERENCE } as const;

/** How the fake Resello treats one order: whether it places it, and what it answers. */
type CreateOutcome =
  | "placed" // placed, answered 200 with the certificate
  | "placed, answer lost" // placed, then the connection drops
  | "placed, 500" // placed, then a 500
  | "placed, no body" // placed, answered 200 with an empty body
  | "placed, hangs" // placed, never answered
  | "lost" // the connection drops before anything is placed
  | "503" // refused with a 503, nothing placed
  | "400"; // rejected, nothing placed

/**
 * A Resello that keeps the certificates ordered, in the order of their creation. Its list filter matches
 * `client_reference` by prefix, the loosest reading of the undocumented filter, so the exact match is the client's.
 */
function fakeResello(outcomes: CreateOutcome[], options: { listAs?: "envelope" | "bare"; total?: number } = {}) {
  const certificates: Certificate[] = [
    { id: "older-1", status: "active", plan: PLAN_ID, client_reference: `${CLIENT_REFERENCE}0` },
    { id: "older-2", status: "active", plan: PLAN_ID, client_reference: null },
  ];
  let creates = 0;
  server.use(
    http.post(`${BASE_URL}/ssl-certificate`, async ({ request }) => {
      const body = (await request.json()) as CreateCertificateRequest;
      const outcome = outcomes[creates++] ?? "placed";
      if (outcome === "lost") return HttpResponse.error();
      if (outcome === "503") return HttpResponse.json({ success: false, error: { message: "Busy." } }, { status: 503 });
      if (outcome === "400") {
        return HttpResponse.json(
          { success: false, error: { code: "request_validation_failed", message: { csr: ["Key too short."] } } },
          { status: 400 },
        );
      }
      const certificate: Certificate = {
        id: `cert-${certificates.length + 1}`,
        status: "pending",
        plan: body.plan,
        client_reference: body.client_reference ?? null,
      };
      certificates.push(certificate);
      if (outcome === "placed, answer lost") return HttpResponse.error();
      if (outcome === "placed, 500")
        return HttpResponse.json({ success: false, error: { message: "Oops." } }, { status: 500 });
      if (outcome === "placed, no body") return new HttpResponse(null, { status: 200 });
      if (outcome === "placed, hangs") return new Promise<never>(() => undefined);
      return HttpResponse.json(envelope(certificate));
    }),
    http.get(`${BASE_URL}/ssl-certificate`, ({ request }) => {
      const wanted = new URL(request.url).searchParams.get("client_reference") ?? "";
      const listed = certificates.filter((c) => (c.client_reference ?? "").startsWith(wanted));
      if (options.listAs === "bare") return HttpResponse.json(listed);
      return HttpResponse.json(envelope(listed, { total: options.total ?? listed.length, limit: 100, offset: 0 }));
    }),
  );
  return {
    withReference: () => certificates.filter((c) => c.client_reference === CLIENT_REFERENCE),
    creates: () => creates,
  };
}

const trail = () => requests.map((r) => `${r.method} ${new URL(r.url).pathname}${new URL(r.url).search}`);
const CREATE = "POST /api/v1/ssl-certificate";
const LOOK_UP = `GET /api/v1/ssl-certificate?client_reference=${CLIENT_REFERENCE}`;

describe("createCertificateOnce", () => {
  it("returns the certificate from the answer, with one request", async () => {
    const fake = fakeResello(["placed"]);
    const certificate = await createCertificateOnce(resello(), order);
    expect(certificate).toEqual({ id: "cert-3", status: "pending", plan: PLAN_ID, client_reference: CLIENT_REFERENCE });
    expect(trail()).toEqual([CREATE]);
    expect(fake.withReference()).toHaveLength(1);
  });

  it("finds an order whose answer was lost, and does not buy it twice", async () => {
    const fake = fakeResello(["placed, answer lost"]);
    const certificate = await createCertificateOnce(resello(), order);
    expect(trail()).toEqual([CREATE, LOOK_UP]);
    expect(fake.creates()).toBe(1);
    expect(fake.withReference()).toEqual([certificate]);
    // The filter also listed `shop-order-10010`; only the exact reference counts.
    expect(certificate).toMatchObject({ id: "cert-3", client_reference: CLIENT_REFERENCE });
  });

  it("finds an order answered with a 5xx after it was placed", async () => {
    const fake = fakeResello(["placed, 500"]);
    const certificate = await createCertificateOnce(resello(), order);
    expect(trail()).toEqual([CREATE, LOOK_UP]);
    expect(fake.withReference()).toEqual([certificate]);
  });

  it("finds an order that timed out, using the call's timeoutMs", async () => {
    const fake = fakeResello(["placed, hangs"]);
    const certificate = await createCertificateOnce(resello(), order, { timeoutMs: 100 });
    expect(trail()).toEqual([CREATE, LOOK_UP]);
    expect(fake.withReference()).toEqual([certificate]);
  });

  it("never sends the order again when the look-up finds nothing: a lagging list proves nothing", async () => {
    const fake = fakeResello(["lost", "placed"], { listAs: "bare" });
    await expect(createCertificateOnce(resello(), order)).rejects.toMatchObject({
      code: "NETWORK",
      effectUnknown: true,
    });
    expect(trail()).toEqual([CREATE, LOOK_UP]);
    expect(fake.creates()).toBe(1);
  });

  it("does not send it again after a 503 either: the reference stays the key to look again", async () => {
    const fake = fakeResello(["503", "placed"]);
    await expect(createCertificateOnce(resello(), order)).rejects.toMatchObject({
      code: "PROVIDER",
      status: 503,
      effectUnknown: true,
    });
    expect(trail()).toEqual([CREATE, LOOK_UP]);
    expect(fake.creates()).toBe(1);
  });

  it("finds an order later by its reference, once the list shows it", async () => {
    const fake = fakeResello(["placed, answer lost"]);
    // The list lags: the order is not listed yet when createCertificateOnce looks.
    server.use(http.get(`${BASE_URL}/ssl-certificate`, () => HttpResponse.json(envelope([])), { once: true }));
    await expect(createCertificateOnce(resello(), order)).rejects.toMatchObject({
      code: "NETWORK",
      effectUnknown: true,
    });
    const found = await findCertificateByClientReference(resello(), CLIENT_REFERENCE);
    expect(found).toEqual(fake.withReference()[0]);
    expect(trail()).toEqual([CREATE, LOOK_UP, LOOK_UP]);
    expect(fake.creates()).toBe(1);
  });

  it("does not repeat an order that was rejected (400)", async () => {
    const fake = fakeResello(["400", "placed"]);
    const failure = await createCertificateOnce(resello(), order).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CertkitError);
    expect(failure).toMatchObject({
      code: "VALIDATION_FAILED",
      status: 400,
      providerCode: "request_validation_failed",
      fieldErrors: { csr: ["Key too short."] },
      effectUnknown: false,
    });
    expect(trail()).toEqual([CREATE]);
    expect(fake.withReference()).toHaveLength(0);
  });

  it("rejects with the order's error, and sends nothing more, when the look-up fails", async () => {
    fakeResello(["lost"]);
    server.use(http.get(`${BASE_URL}/ssl-certificate`, () => HttpResponse.json({}, { status: 500 })));
    await expect(createCertificateOnce(resello(), order)).rejects.toMatchObject({
      code: "NETWORK",
      effectUnknown: true,
      message: expect.stringContaining("POST /ssl-certificate"),
    });
    expect(trail()).toEqual([CREATE, LOOK_UP]);
  });

  it("rejects with the order's error when the list was cut short, since the order may be on another page", async () => {
    const fake = fakeResello(["lost", "placed"], { total: 250 });
    await expect(createCertificateOnce(resello(), order)).rejects.toMatchObject({
      code: "NETWORK",
      effectUnknown: true,
    });
    expect(trail()).toEqual([CREATE, LOOK_UP]);
    expect(fake.creates()).toBe(1);
  });

  it("looks the order up when it was accepted with no certificate in the answer", async () => {
    const fake = fakeResello(["placed, no body"]);
    const certificate = await createCertificateOnce(resello(), order);
    expect(trail()).toEqual([CREATE, LOOK_UP]);
    expect(fake.withReference()).toEqual([certificate]);
  });

  it("does not send an accepted order again when it is not listed yet", async () => {
    fakeResello(["placed, no body"]);
    server.use(http.get(`${BASE_URL}/ssl-certificate`, () => HttpResponse.json(envelope([]))));
    const failure = await createCertificateOnce(resello(), order).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: "PROVIDER", provider: "resello", effectUnknown: true, retryable: false });
    expect((failure as Error).message).toMatch(/accepted the order.*"shop-order-1001".*check before sending it again$/);
    expect(trail()).toEqual([CREATE, LOOK_UP]);
  });

  it.each([
    ["no client_reference", { csr: CSR_PEM, dcv_type: "DNS", plan: PLAN_ID }],
    ["an empty client_reference", { ...order, client_reference: "" }],
    ["a blank client_reference", { ...order, client_reference: "   " }],
    ["a client_reference that is not a string", { ...order, client_reference: 1001 }],
    ["no body", undefined],
  ])("rejects %s with INVALID_INPUT before any request", async (_, body) => {
    const failure = await createCertificateOnce(resello(), body as never).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CertkitError);
    expect(failure).toMatchObject({ code: "INVALID_INPUT", provider: "resello" });
    expect((failure as Error).message).toContain('"client_reference"');
    expect(requests).toHaveLength(0);
  });
});
