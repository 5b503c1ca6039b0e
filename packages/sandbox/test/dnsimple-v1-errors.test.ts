import { createDnsimpleV1Client, encodeFormBody, type DnsimpleV1Client } from "@certkit/dnsimple-v1";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateCsr } from "../src/ca/generate-csr.js";
import { SANDBOX_CREDENTIALS } from "../src/credentials.js";
import { DnsimpleV1Simulator } from "../src/providers/dnsimple-v1/dnsimple-v1-simulator.js";
import { SANDBOX_MOUNTS } from "../src/providers.js";
import type { SimulatorWorld } from "../src/simulator.js";
import { createTestWorld, serveOver } from "./support/transports.js";

const CREDENTIALS = SANDBOX_CREDENTIALS["dnsimple-v1"];
const FORM = {
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  bodySerializer: encodeFormBody,
} as const;

let world: SimulatorWorld;
let baseUrl: string;
let dnsimple: DnsimpleV1Client;
let close: () => Promise<void>;

beforeEach(async () => {
  world = await createTestWorld();
  const simulator = new DnsimpleV1Simulator(world, { ...CREDENTIALS, password: "sandbox-password", contactId: 7 });
  const served = await serveOver("msw", (origin) => simulator.handlers(`${origin}${SANDBOX_MOUNTS["dnsimple-v1"]}`));
  close = served.close;
  baseUrl = `${served.origin}${SANDBOX_MOUNTS["dnsimple-v1"]}`;
  dnsimple = createDnsimpleV1Client({ ...CREDENTIALS, baseUrl, retry: { baseDelayMs: 1 } });
});
afterEach(() => close());

function purchase(certificate: Record<string, unknown>, domain: string | number = "example.com") {
  return dnsimple.POST("/domains/{domain}/certificates", {
    params: { path: { domain } },
    body: { certificate } as never,
  });
}
const configure = (id: number, domain: string | number = "example.com") =>
  dnsimple.PUT("/domains/{domain}/certificates/{id}/configure", { params: { path: { domain, id } } });
const submit = (id: number, approver_email: string, domain: string | number = "example.com") =>
  dnsimple.PUT("/domains/{domain}/certificates/{id}/submit", {
    params: { path: { domain, id } },
    body: { certificate: { approver_email } },
  });

describe("DNSimple v1 simulator: not found", () => {
  it("answers 404 {message} for an unknown domain, by name or id, on every domain route", async () => {
    const missing = { status: 404, code: "NOT_FOUND", body: { message: "Domain `example.net' not found" } };
    const path = { domain: "example.net", id: 1 };
    expect((await dnsimple.GET("/domains/{domain}/certificates", { params: { path } })).error).toMatchObject(missing);
    expect((await purchase({ name: "www", contact_id: 7 }, "example.net")).error).toMatchObject(missing);
    expect((await dnsimple.GET("/domains/{domain}/certificates/{id}", { params: { path } })).error).toMatchObject(
      missing,
    );
    expect((await configure(1, "example.net")).error).toMatchObject(missing);
    expect((await submit(1, "admin@example.net", "example.net")).error).toMatchObject(missing);
    expect((await configure(1, 99)).error).toMatchObject({ status: 404, body: { message: "Domain `99' not found" } });
  });

  it("answers 404 {error: Couldn't find Certificate with id=…} for an unknown id, or one of another domain", async () => {
    await purchase({ name: "www", contact_id: 7 });
    const path = { domain: "example.com", id: 12 };
    const { error } = await dnsimple.GET("/domains/{domain}/certificates/{id}", { params: { path } });
    expect(error).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
      body: { error: "Couldn't find Certificate with id=12" },
    });
    expect(error?.message).toContain("Couldn't find Certificate with id=12");
    expect((await configure(12)).error?.status).toBe(404);
    expect((await submit(12, "admin@example.com")).error?.status).toBe(404);
    const elsewhere = await dnsimple.GET("/domains/{domain}/certificates/{id}", {
      params: { path: { domain: "example.org", id: 1 } },
    });
    expect(elsewhere.error).toMatchObject({ status: 404, body: { error: "Couldn't find Certificate with id=1" } });
  });
});

describe("DNSimple v1 simulator: purchase input", () => {
  it("answers 400 {message: Required parameter missing: certificate} without the wrapping object", async () => {
    const { error } = await dnsimple.POST("/domains/{domain}/certificates", {
      params: { path: { domain: "example.com" } },
      body: {} as never,
    });
    expect(error).toMatchObject({
      status: 400,
      code: "VALIDATION_FAILED",
      body: { message: "Required parameter missing: certificate" },
    });
  });

  it.each([
    [
      "no name",
      { contact_id: 7 },
      { name: ["can't be missing: give www, * for a wildcard, or an empty name for the domain itself"] },
    ],
    [
      "a name that is no host name",
      { name: "ww w", contact_id: 7 },
      { name: ["must be a host name such as www, * for a wildcard, or empty for the domain itself"] },
    ],
    ["no contact_id", { name: "www" }, { contact_id: ["can't be blank"] }],
    ["a contact_id that is no number", { name: "www", contact_id: "seven" }, { contact_id: ["is not a number"] }],
  ])("answers 400 {errors} for %s", async (_what, certificate, errors) => {
    const { error } = await purchase(certificate);
    expect(error).toMatchObject({ status: 400, code: "VALIDATION_FAILED", body: { errors }, fieldErrors: errors });
  });

  it("answers 404 {error} for a contact that is not the account's", async () => {
    const { error } = await purchase({ name: "www", contact_id: 8 });
    expect(error).toMatchObject({ status: 404, body: { error: "Couldn't find Contact with id=8" } });
  });

  it("reads contact_id from a form field's text", async () => {
    const { data, response } = await dnsimple.POST("/domains/{domain}/certificates", {
      params: { path: { domain: "example.com" } },
      body: { certificate: { name: "mail", contact_id: 7 } },
      ...FORM,
    });
    expect(response.status).toBe(201);
    expect(data?.certificate).toMatchObject({ name: "mail", contact_id: 7 });
  });

  it.each([
    [
      "that does not parse",
      () => Promise.resolve("-----BEGIN CERTIFICATE REQUEST-----\nnope\n-----END CERTIFICATE REQUEST-----\n"),
      "The CSR could not be parsed.",
    ],
    [
      "with an RSA key under 2048 bits",
      async () => (await generateCsr({ commonName: "www.example.com", keyType: "rsa-1024" })).csr,
      "The CSR's RSA key has 1024 bits; at least 2048 are required.",
    ],
    [
      "for another host name",
      async () => (await generateCsr({ commonName: "shop.example.com", keyType: "ec-p256" })).csr,
      "The CSR's common name must be www.example.com.",
    ],
  ])("answers 400 {errors: {csr}} for a CSR %s", async (_what, makeCsr, problem) => {
    const { error } = await purchase({ name: "www", contact_id: 7, csr: await makeCsr() });
    expect(error).toMatchObject({ status: 400, code: "VALIDATION_FAILED", fieldErrors: { csr: [problem] } });
  });

  it("answers 406 when a certificate for the name exists and is not cancelled, as CONFLICT", async () => {
    expect((await purchase({ name: "www", contact_id: 7 })).response.status).toBe(201);
    const again = await purchase({ name: "WWW", contact_id: 7 });
    expect(again.error).toMatchObject({
      status: 406,
      code: "CONFLICT",
      body: { message: "Certificate www.example.com already exists" },
    });
    expect((await purchase({ name: "www", contact_id: 7 }, "example.org")).response.status).toBe(201);
  });
});

describe("DNSimple v1 simulator: wrong state and approver", () => {
  it("configures a purchased certificate only: 422 {message} otherwise", async () => {
    await purchase({ name: "www", contact_id: 7 });
    expect((await configure(1)).data?.certificate.state).toBe("configured");
    const again = await configure(1);
    expect(again.error).toMatchObject({
      status: 422,
      code: "VALIDATION_FAILED",
      body: { message: "Certificate may not be configured at this time: it is configured" },
    });
  });

  it("submits a configured certificate only: 422 {message} before configure and after submit", async () => {
    await purchase({ name: "www", contact_id: 7 });
    const early = await submit(1, "admin@example.com");
    expect(early.error).toMatchObject({
      status: 422,
      body: { message: "Certificate may not be submitted at this time: it is purchased" },
    });
    await configure(1);
    expect((await submit(1, "admin@example.com")).data?.certificate.state).toBe("submitted");
    expect((await submit(1, "admin@example.com")).error?.body).toEqual({
      message: "Certificate may not be submitted at this time: it is submitted",
    });
    expect(world.mail.inbox()).toHaveLength(1);
  });

  it("answers 400 for a submit without approver_email, or with one configure did not offer, and sends no email", async () => {
    await purchase({ name: "www", contact_id: 7 });
    await configure(1);
    const empty = await dnsimple.PUT("/domains/{domain}/certificates/{id}/submit", {
      params: { path: { domain: "example.com", id: 1 } },
      body: { certificate: {} } as never,
    });
    expect(empty.error).toMatchObject({ status: 400, body: { message: "Required parameter missing: certificate" } });
    const blank = await submit(1, " ");
    expect(blank.error).toMatchObject({ status: 400, fieldErrors: { approver_email: ["can't be blank"] } });
    const other = await submit(1, "root@example.com");
    expect(other.error).toMatchObject({
      status: 400,
      code: "VALIDATION_FAILED",
      body: {
        errors: {
          approver_email: [
            "must be one of admin@example.com, administrator@example.com, hostmaster@example.com, postmaster@example.com, webmaster@example.com",
          ],
        },
      },
    });
    expect(world.mail.inbox()).toEqual([]);
    expect(
      (
        await dnsimple.GET("/domains/{domain}/certificates/{id}", {
          params: { path: { domain: "example.com", id: 1 } },
        })
      ).data?.certificate.state,
    ).toBe("configured");
  });

  it("stays submitted without an approval, whatever the time", async () => {
    await purchase({ name: "www", contact_id: 7 });
    await configure(1);
    await submit(1, "webmaster@example.com");
    world.clock.advance(30 * 86_400_000);
    const { data } = await dnsimple.GET("/domains/{domain}/certificates/{id}", {
      params: { path: { domain: "example.com", id: 1 } },
    });
    expect(data?.certificate).toMatchObject({ state: "submitted", ssl_certificate: null });
  });
});

describe("DNSimple v1 simulator: authentication", () => {
  it("answers 401 {message: Authentication failed} to a wrong token, as AUTH", async () => {
    const wrong = createDnsimpleV1Client({ ...CREDENTIALS, token: "wrong-token", baseUrl });
    const { error } = await wrong.GET("/domains");
    expect(error).toMatchObject({ status: 401, code: "AUTH", body: { message: "Authentication failed" } });
    const otherEmail = createDnsimpleV1Client({ ...CREDENTIALS, email: "someone@example.com", baseUrl });
    expect((await otherEmail.GET("/domains")).error).toMatchObject({ status: 401, code: "AUTH" });
  });

  it("answers 401 to a request without credentials, as AUTH", async () => {
    const bare = createDnsimpleV1Client({
      ...CREDENTIALS,
      baseUrl,
      fetch: (input: Request) => {
        const request = new Request(input);
        request.headers.delete("X-DNSimple-Token");
        return fetch(request);
      },
    });
    const { error } = await bare.GET("/domains/{domain}/certificates", { params: { path: { domain: "example.com" } } });
    expect(error).toMatchObject({ status: 401, code: "AUTH", body: { message: "Authentication failed" } });
  });

  it("takes HTTP Basic with the email and the password, and refuses a wrong password", async () => {
    const basic = (user: string, password: string) =>
      fetch(`${baseUrl}/domains`, {
        headers: { Authorization: `Basic ${btoa(`${user}:${password}`)}`, Accept: "application/json" },
      });
    const ok = await basic(CREDENTIALS.email, "sandbox-password");
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as unknown[]).length).toBe(2);
    const refused = await basic(CREDENTIALS.email, "wrong");
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ message: "Authentication failed" });
  });
});

describe("DNSimple v1 simulator: faults", () => {
  it("a 503 on a read is retried by the client, which then gets the answer", async () => {
    await purchase({ name: "www", contact_id: 7 });
    world.faults.add({
      provider: "dnsimple-v1",
      method: "GET",
      route: "/domains/{domain}/certificates/{id}",
      from: 1,
      times: 1,
      status: 503,
    });
    const { data, error } = await dnsimple.GET("/domains/{domain}/certificates/{id}", {
      params: { path: { domain: "example.com", id: 1 } },
    });
    expect(error).toBeUndefined();
    expect(data?.certificate).toMatchObject({ id: 1, state: "purchased" });
    expect(world.faults.list()).toMatchObject([{ seen: 2, hits: 1 }]);
  });

  it("a 500 on a write surfaces as the client's PROVIDER error, not retried", async () => {
    world.faults.add({ provider: "dnsimple-v1", method: "POST", route: "/domains/{domain}/certificates", status: 500 });
    const { error } = await purchase({ name: "www", contact_id: 7 });
    expect(error).toMatchObject({ status: 500, code: "PROVIDER", effectUnknown: true });
    expect(world.faults.list()).toMatchObject([{ seen: 1, hits: 1 }]);
  });
});
