import { useMswServer } from "@certkit/test-kit";
import { http, HttpResponse, type JsonBodyType } from "msw";
import { describe, expect, it } from "vitest";
import { resello } from "../../src/providers/resello/index.js";
import { createCertificateClient, OrderIncompleteError } from "../../src/index.js";

// A Resello renewal is bought once its POST is answered 2xx. When what follows fails (an answer that shows no
// certificate, or the validation details of the pending renewal that cannot be read), renew() must say the renewal
// exists, as order() does for an order: an OrderIncompleteError naming the certificate, never an error that reads
// like a failed renewal and invites a second purchase.

const API = "https://api.resello.example.test/api/v1";
const ID = "cert-0001";
const { server } = useMswServer();

const certificates = () =>
  createCertificateClient(
    resello({
      resellerReference: "reseller-1",
      apiKey: "resello-api-key-0123456789abcdef",
      baseUrl: API,
      retry: false,
    }),
  );

const PENDING = { id: ID, status: "pending", dcv_type: "DNS", common_name: "shop.example.com" };

/** The renewal answered with `answer`; the validation details with 500. Counts the renewals sent. */
function renewalAnswering(answer: JsonBodyType): { renewals: number } {
  const sent = { renewals: 0 };
  server.use(
    http.post(`${API}/ssl-certificate/${ID}/renew`, () => {
      sent.renewals += 1;
      return HttpResponse.json(answer);
    }),
    http.get(`${API}/ssl-certificate/${ID}/validation-details`, () =>
      HttpResponse.json({ message: "unavailable" }, { status: 500 }),
    ),
  );
  return sent;
}

describe("resello adapter: renew() after Resello accepted the renewal", () => {
  it.each([
    ["an answer that shows no certificate", { success: true, result: null }],
    ["an answer without an id", { status: "pending" }],
    ["unreadable validation details", PENDING],
  ])("rejects with OrderIncompleteError naming the certificate on %s", async (_, answer) => {
    const sent = renewalAnswering(answer);
    const error = await certificates()
      .renew(ID)
      .then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
    expect(sent.renewals).toBe(1);
    expect(error).toBeInstanceOf(OrderIncompleteError);
    expect(error).toMatchObject({
      provider: "resello",
      effectUnknown: true,
      retryable: false,
      created: { id: ID, failedStep: "read", providerIds: { id: ID } },
    });
    expect((error as Error).message).toMatch(/^renew: .*Do not renew again/);
  });
});
