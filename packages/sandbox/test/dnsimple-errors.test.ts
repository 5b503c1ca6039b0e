import { createDnsimpleClient, type DnsimpleClient, type DnsimpleClientOptions } from "@certkit/dnsimple";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_CREDENTIALS } from "../src/credentials.js";
import { DnsimpleSimulator, type DnsimpleSimulatorOptions } from "../src/providers/dnsimple/dnsimple-simulator.js";
import { SANDBOX_MOUNTS } from "../src/providers.js";
import type { SimulatorWorld } from "../src/simulator.js";
import { createTestWorld, serveOver } from "./support/transports.js";

const account = 1010;
const domain = "example.com";
const token = SANDBOX_CREDENTIALS.dnsimple.token;

let world: SimulatorWorld;
let baseUrl: string;
let close: (() => Promise<void>) | undefined;
let dnsimple: DnsimpleClient;
let served: DnsimpleSimulator;

/** The state of the simulator served now. */
const simulator = () => served.snapshot();

/** Serves a simulator with `options` over msw, and points `dnsimple` at it. */
async function start(options: Partial<DnsimpleSimulatorOptions> = {}): Promise<void> {
  await close?.();
  const simulator = new DnsimpleSimulator(world, { token, issuanceDelayMs: 60_000, ...options });
  const server = await serveOver("msw", (origin) => simulator.handlers(`${origin}${SANDBOX_MOUNTS.dnsimple}`));
  close = server.close;
  baseUrl = `${server.origin}${SANDBOX_MOUNTS.dnsimple}`;
  dnsimple = client({ token });
  served = simulator;
}

function client(options: Omit<DnsimpleClientOptions, "baseUrl">): DnsimpleClient {
  return createDnsimpleClient({ ...options, baseUrl, retry: { baseDelayMs: 1 } } as DnsimpleClientOptions);
}

beforeEach(async () => {
  world = await createTestWorld();
  await start();
});
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function purchase(body: Record<string, unknown> = {}, onDomain = domain): Promise<number> {
  const { data, error } = await dnsimple.POST("/{account}/domains/{domain}/certificates/letsencrypt", {
    params: { path: { account, domain: onDomain } },
    body,
  });
  if (error) throw error;
  return data.data.id;
}

function issue(purchaseId: number) {
  return dnsimple.POST("/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue", {
    params: { path: { account, domain, purchaseId } },
  });
}

function getCertificate(certificate: number, onDomain = domain) {
  return dnsimple.GET("/{account}/domains/{domain}/certificates/{certificate}", {
    params: { path: { account, domain: onDomain, certificate } },
  });
}

describe("DNSimple simulator: not found", () => {
  it("answers 404 with DNSimple's message for an unknown certificate, domain, account, purchase, renewal or webhook", async () => {
    const unknown = await getCertificate(999);
    expect(unknown.error).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
      body: { message: "Certificate `999` not found" },
    });
    expect(unknown.response.headers.get("x-ratelimit-remaining")).toBe("2399");

    const id = await purchase();
    expect((await getCertificate(id, "example.org")).error?.body).toEqual({
      message: `Certificate \`${id}\` not found`,
    });
    expect((await getCertificate(id, "nowhere.test")).error?.body).toEqual({
      message: "Domain `nowhere.test` not found",
    });
    const otherAccount = await dnsimple.GET("/{account}/domains", { params: { path: { account: 2020 } } });
    expect(otherAccount.error).toMatchObject({ status: 404, body: { message: "Account `2020` not found" } });
    const noPurchase = await dnsimple.POST("/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue", {
      params: { path: { account, domain, purchaseId: 424242 } },
    });
    expect(noPurchase.error).toMatchObject({ status: 404, body: { message: "Certificate `424242` not found" } });
    const noRenewal = await dnsimple.POST(
      "/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals/{renewalId}/issue",
      { params: { path: { account, domain, certificate: id, renewalId: 77 } } },
    );
    expect(noRenewal.error).toMatchObject({ status: 404, body: { message: "Renewal `77` not found" } });
    const webhook = { params: { path: { account, webhook: 9 } } };
    expect((await dnsimple.GET("/{account}/webhooks/{webhook}", webhook)).error?.body).toEqual({
      message: "Webhook `9` not found",
    });
    expect((await dnsimple.DELETE("/{account}/webhooks/{webhook}", webhook)).error).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
    });
  });

  it("finds a domain by name in any case, or by its numeric id", async () => {
    const id = await purchase();
    expect((await getCertificate(id, "EXAMPLE.com")).data?.data.id).toBe(id);
    expect((await getCertificate(id, "5001")).data?.data.common_name).toBe("www.example.com");
  });
});

describe("DNSimple simulator: bad input", () => {
  it.each([
    [
      "an alternate name outside the domain",
      { alternate_names: ["www.other.net"] },
      { alternate_names: ["www.other.net is not a name in example.com"] },
    ],
    [
      "alternate names that are not a list",
      { alternate_names: "example.com" },
      { alternate_names: ["must be a list of names"] },
    ],
    ["a name that is not a host name", { name: "bad name!" }, { name: ["is invalid"] }],
    [
      "an unknown signature algorithm",
      { signature_algorithm: "DSA" },
      { signature_algorithm: ["must be one of ECDSA, RSA"] },
    ],
    ["an auto_renew that is not a boolean", { auto_renew: "yes" }, { auto_renew: ["must be true or false"] }],
  ])("refuses a purchase with %s: 400 with errors per field", async (_what, body, errors) => {
    const { error } = await dnsimple.POST("/{account}/domains/{domain}/certificates/letsencrypt", {
      params: { path: { account, domain } },
      body: body as never,
    });
    expect(error).toMatchObject({
      status: 400,
      code: "VALIDATION_FAILED",
      fieldErrors: errors,
      body: { message: "Validation failed", errors },
    });
  });

  it('defaults a purchase to www, ECDSA and no auto-renewal, and takes the apex as name ""', async () => {
    const www = await purchase();
    expect((await getCertificate(www)).data?.data).toMatchObject({
      name: "www",
      common_name: "www.example.com",
      auto_renew: false,
    });
    expect(simulator().certificates.find((certificate) => certificate.id === www)?.signatureAlgorithm).toBe("ECDSA");
    const apex = await purchase({ name: "" });
    await issue(apex);
    expect(world.dns.lookupTxt("_acme-challenge.example.com")).toHaveLength(1);
  });

  it("refuses a webhook without a URL, or with one that is not HTTPS", async () => {
    const create = (body: unknown) =>
      dnsimple.POST("/{account}/webhooks", { params: { path: { account } }, body: body as never });
    expect((await create({})).error).toMatchObject({ status: 400, fieldErrors: { url: ["can't be blank"] } });
    expect((await create({ url: "http://hooks.example.com/x" })).error).toMatchObject({
      status: 400,
      fieldErrors: { url: ["must be an HTTPS URL"] },
    });
    expect((await create({ url: "not a url" })).error).toMatchObject({
      status: 400,
      fieldErrors: { url: ["is not a valid URL"] },
    });
  });

  it("pages lists, caps per_page at 100 and refuses bad paging or sorting", async () => {
    const ids = [await purchase({ name: "a" }), await purchase({ name: "b" }), await purchase({ name: "c" })];
    const list = (query: Record<string, unknown>) =>
      dnsimple.GET("/{account}/domains/{domain}/certificates", {
        params: { path: { account, domain }, query: query as never },
      });
    const second = await list({ sort: "id:asc", page: 2, per_page: 2 });
    expect(second.data).toEqual({
      data: [expect.objectContaining({ id: ids[2] })],
      pagination: { current_page: 2, per_page: 2, total_entries: 3, total_pages: 2 },
    });
    expect((await list({})).data?.data.map((certificate) => certificate.id)).toEqual([...ids].reverse());
    expect((await list({ sort: "common_name:desc" })).data?.data.map((certificate) => certificate.name)).toEqual([
      "c",
      "b",
      "a",
    ]);
    expect((await list({ per_page: 500 })).data?.pagination.per_page).toBe(100);
    expect((await list({ page: 0 })).error).toMatchObject({
      status: 400,
      fieldErrors: { page: ["must be an integer greater than 0"] },
    });
    expect((await list({ sort: "name:asc" })).error).toMatchObject({
      status: 400,
      fieldErrors: { sort: [expect.stringMatching(/^must be one of id:asc/)] },
    });
    const domains = await dnsimple.GET("/{account}/domains", {
      params: { path: { account }, query: { page: 2, per_page: 2 } },
    });
    expect(domains.data).toMatchObject({
      data: [{ name: "example.net" }],
      pagination: { total_entries: 3, total_pages: 2 },
    });
  });
});

describe("DNSimple simulator: wrong state and failed validation", () => {
  it("refuses to issue a purchase twice, or to renew a certificate that is not issued", async () => {
    const id = await purchase();
    const renewal = () =>
      dnsimple.POST("/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals", {
        params: { path: { account, domain, certificate: id } },
      });
    expect((await renewal()).error).toMatchObject({
      status: 400,
      body: { message: `Certificate \`${id}\` cannot be renewed: it is not issued (state: new)` },
    });
    expect((await issue(id)).response.status).toBe(202);
    expect((await issue(id)).error).toMatchObject({
      status: 400,
      body: { message: `Certificate \`${id}\` was already requested (state: requesting)` },
    });
    world.clock.advance(60_000);
    expect((await issue(id)).error?.body).toEqual({
      message: `Certificate \`${id}\` was already requested (state: issued)`,
    });

    const { data } = await renewal();
    const renewalPath = { params: { path: { account, domain, certificate: id, renewalId: data!.data.id } } };
    expect((await renewal()).error?.body).toEqual({
      message: `Certificate \`${id}\` already has a renewal in progress (renewal \`${data!.data.id}\`)`,
    });
    const issueRenewal = () =>
      dnsimple.POST(
        "/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals/{renewalId}/issue",
        renewalPath,
      );
    expect((await issueRenewal()).response.status).toBe(202);
    expect((await issueRenewal()).error).toMatchObject({
      status: 400,
      body: { message: `Renewal \`${data!.data.id}\` was already issued (state: renewing)` },
    });
    // The renewal's certificate is issued through its renewal, not as a purchase.
    expect((await issue(data!.data.new_certificate_id)).error).toMatchObject({ status: 404 });
  });

  it("fails the certificate when a challenge record is gone by the time Let's Encrypt checks", async () => {
    const id = await purchase({ alternate_names: ["api.example.com"] });
    await issue(id);
    const [value] = world.dns.lookupTxt("_acme-challenge.api.example.com");
    world.dns.removeTxt("_acme-challenge.api.example.com", value);
    world.clock.advance(60_000);
    expect((await getCertificate(id)).data?.data).toMatchObject({
      state: "failed",
      csr: null,
      expires_at: null,
      updated_at: "2026-03-01T12:01:00Z",
    });
    expect(world.dns.lookupTxt("_acme-challenge.www.example.com")).toEqual([]);
    const path = { params: { path: { account, domain, certificate: id } } };
    const key = await dnsimple.GET("/{account}/domains/{domain}/certificates/{certificate}/private_key", path);
    expect(key.error).toMatchObject({
      status: 412,
      body: { message: `Certificate \`${id}\` is not issued (state: failed)` },
    });
  });

  it("fails a renewal whose challenge record was removed", async () => {
    const id = await purchase();
    await issue(id);
    world.clock.advance(60_000);
    const path = { params: { path: { account, domain, certificate: id } } };
    const { data } = await dnsimple.POST(
      "/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals",
      path,
    );
    await dnsimple.POST(
      "/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals/{renewalId}/issue",
      {
        params: { path: { ...path.params.path, renewalId: data!.data.id } },
      },
    );
    world.dns.removeTxt("_acme-challenge.www.example.com");
    world.clock.advance(60_000);
    expect((await getCertificate(data!.data.new_certificate_id)).data?.data.state).toBe("failed");
    expect(simulator().renewals[0]).toMatchObject({ state: "failed" });
    expect((await getCertificate(id)).data?.data.state).toBe("issued");
  });
});

describe("DNSimple simulator: authentication and rate limit", () => {
  it("refuses a wrong token and a missing one with 401 Authentication failed", async () => {
    const wrong = await client({ token: "not-the-token" }).GET("/whoami");
    expect(wrong.error).toMatchObject({
      status: 401,
      code: "AUTH",
      providerCode: undefined,
      body: { message: "Authentication failed" },
    });
    expect(wrong.response.headers.get("x-ratelimit-limit")).toBe("2400");
    const stripped = createDnsimpleClient({
      token,
      baseUrl,
      fetch: (request: Request) => {
        const anonymous = new Request(request);
        anonymous.headers.delete("authorization");
        return fetch(anonymous);
      },
    });
    expect((await stripped.GET("/{account}/webhooks", { params: { path: { account } } })).error).toMatchObject({
      status: 401,
      code: "AUTH",
      body: { message: "Authentication failed" },
    });
  });

  it("takes email and password, asking for the one-time code with X-Dnsimple-OTP: required", async () => {
    await start({ email: "jane@example.com", password: "correct horse", otp: "123456" });
    const noCode = await client({ email: "jane@example.com", password: "correct horse" }).GET("/whoami");
    expect(noCode.error).toMatchObject({ status: 401, code: "AUTH", providerCode: "OTP_REQUIRED" });
    expect(noCode.response.headers.get("x-dnsimple-otp")).toBe("required");
    const wrongPassword = await client({ email: "jane@example.com", password: "wrong", otp: "123456" }).GET("/whoami");
    expect(wrongPassword.error).toMatchObject({ status: 401, code: "AUTH", providerCode: undefined });
    const user = await client({ email: "jane@example.com", password: "correct horse", otp: "123456" }).GET("/whoami");
    expect(user.data?.data).toEqual({
      account: null,
      user: {
        id: 2020,
        email: "jane@example.com",
        created_at: "2020-01-01T00:00:00Z",
        updated_at: "2020-01-01T00:00:00Z",
      },
    });
  });

  it("counts requests per window of sandbox time and answers 429 over the limit", async () => {
    await start({ rateLimit: { limit: 2, windowMs: 60_000 } });
    const reset = String(Math.ceil((world.clock.now().getTime() + 60_000) / 1000));
    const first = await dnsimple.GET("/whoami");
    expect(
      Object.fromEntries(
        ["limit", "remaining", "reset"].map((name) => [name, first.response.headers.get(`x-ratelimit-${name}`)]),
      ),
    ).toEqual({
      limit: "2",
      remaining: "1",
      reset,
    });
    expect((await dnsimple.GET("/whoami")).response.headers.get("x-ratelimit-remaining")).toBe("0");
    const over = await dnsimple.GET("/whoami", { retry: false });
    expect(over.error).toMatchObject({
      status: 429,
      code: "RATE_LIMITED",
      body: { message: "API rate limit exceeded" },
    });
    expect(over.response.headers.get("x-ratelimit-reset")).toBe(reset);
    world.clock.advance(60_000);
    const next = await dnsimple.GET("/whoami");
    expect(next.error).toBeUndefined();
    expect(next.response.headers.get("x-ratelimit-remaining")).toBe("1");
  });
});

describe("DNSimple simulator: faults", () => {
  it("a read retried after an injected 503 succeeds; an injected 500 on a purchase surfaces", async () => {
    const id = await purchase();
    world.faults.add({
      provider: "dnsimple",
      method: "GET",
      route: "/{account}/domains/{domain}/certificates/{certificate}",
      from: 1,
      times: 1,
      status: 503,
    });
    const read = await getCertificate(id);
    expect(read.error).toBeUndefined();
    expect(read.data?.data.id).toBe(id);
    expect(world.faults.list()[0]).toMatchObject({ seen: 2, hits: 1 });

    world.faults.add({
      provider: "dnsimple",
      method: "POST",
      route: "/{account}/domains/{domain}/certificates/letsencrypt",
      status: 500,
    });
    const { error } = await dnsimple.POST("/{account}/domains/{domain}/certificates/letsencrypt", {
      params: { path: { account, domain } },
      body: {},
    });
    expect(error).toMatchObject({
      status: 500,
      code: "PROVIDER",
      effectUnknown: true,
      body: { message: "Injected fault" },
    });
    expect(simulator().certificates).toHaveLength(1);
  });
});
