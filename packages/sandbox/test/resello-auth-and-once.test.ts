import { createCertificateOnce, createReselloClient, unwrapResello, type ReselloClient } from "@certkit/resello";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateCsr } from "../src/ca/generate-csr.js";
import { SANDBOX_CREDENTIALS } from "../src/credentials.js";
import { SANDBOX_MOUNTS } from "../src/providers.js";
import { DEFAULT_RESELLO_PLANS } from "../src/providers/resello/resello-plans.js";
import { ReselloSimulator } from "../src/providers/resello/resello-simulator.js";
import { RESELLO_TOKEN_PATH } from "../src/providers/resello/resello-tokens.js";
import type { SimulatorWorld } from "../src/simulator.js";
import { createTestWorld, serveOver, TRANSPORTS } from "./support/transports.js";

const OIDC = { clientId: "sandbox-oidc-client", clientSecret: "sandbox-oidc-secret" };
const DV = DEFAULT_RESELLO_PLANS[0]!.id;

let csr: string;
beforeAll(async () => {
  ({ csr } = await generateCsr({ commonName: "once.example.com", keyType: "ec-p256" }));
});

describe.each(TRANSPORTS)("Resello simulator auth and idempotent orders over %s", (transport) => {
  let world: SimulatorWorld;
  let simulator: ReselloSimulator;
  let base: string;
  let tokenUrl: string;
  let close: () => Promise<void>;

  beforeEach(async () => {
    world = await createTestWorld();
    simulator = new ReselloSimulator(world, { ...SANDBOX_CREDENTIALS.resello, oidc: OIDC });
    const served = await serveOver(transport, (origin) => simulator.handlers(`${origin}${SANDBOX_MOUNTS.resello}`));
    close = served.close;
    base = `${served.origin}${SANDBOX_MOUNTS.resello}`;
    tokenUrl = `${base}${RESELLO_TOKEN_PATH}`;
  });
  afterEach(() => close());

  const requestToken = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(fields).toString(),
    });

  describe("OpenID Connect client credentials", () => {
    it("gives out tokens for the configured client, and refreshes them once", async () => {
      const answer = await requestToken({
        grant_type: "client_credentials",
        client_id: OIDC.clientId,
        client_secret: OIDC.clientSecret,
      });
      expect(answer.status).toBe(200);
      const token = (await answer.json()) as Record<string, unknown>;
      expect(token).toEqual({
        access_token: expect.stringMatching(/^sandbox-access-[0-9a-f]{32}$/),
        token_type: "Bearer",
        expires_in: 300,
        refresh_expires_in: 1800,
        refresh_token: expect.stringMatching(/^sandbox-refresh-[0-9a-f]{32}$/),
      });
      const plans = await fetch(`${base}/ssl-certificate-plan`, {
        headers: { authorization: `Bearer ${String(token.access_token)}` },
      });
      expect(plans.status).toBe(200);

      const basicClient = `Basic ${btoa(`${OIDC.clientId}:${OIDC.clientSecret}`)}`;
      const refreshed = await requestToken(
        { grant_type: "refresh_token", refresh_token: String(token.refresh_token) },
        { authorization: basicClient },
      );
      expect(refreshed.status).toBe(200);
      const reused = await requestToken(
        { grant_type: "refresh_token", refresh_token: String(token.refresh_token) },
        { authorization: basicClient },
      );
      expect(reused.status).toBe(400);
      expect(await reused.json()).toEqual({ error: "invalid_grant", error_description: "Invalid refresh token" });
    });

    it("refuses a wrong client with OAuth's invalid_client, and grants it does not know", async () => {
      const wrong = await requestToken({
        grant_type: "client_credentials",
        client_id: OIDC.clientId,
        client_secret: "nope",
      });
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toEqual({
        error: "invalid_client",
        error_description: "Invalid client or Invalid client credentials",
      });
      const password = await requestToken({
        grant_type: "password",
        client_id: OIDC.clientId,
        client_secret: OIDC.clientSecret,
      });
      expect(password.status).toBe(400);
      expect(((await password.json()) as { error: string }).error).toBe("unsupported_grant_type");
      const json = await fetch(tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(((await json.json()) as { error: string }).error).toBe("invalid_request");
    });

    it("serves the client's oidc flow, and its token expires after 300 s of sandbox time", async () => {
      const resello = createReselloClient({ oidc: { tokenUrl, ...OIDC }, baseUrl: base });
      expect((await resello.GET("/ssl-certificate-plan")).error).toBeUndefined();
      expect((await resello.GET("/ssl-certificate")).error).toBeUndefined();
      expect(simulator.snapshot().tokens).toHaveLength(1);

      world.clock.advance(299_000);
      expect((await resello.GET("/ssl-certificate")).error).toBeUndefined();
      world.clock.advance(1_000);
      // The client still holds the token (its own clock has not moved): the first call is refused, and drops it.
      expect((await resello.GET("/ssl-certificate")).error).toMatchObject({ status: 401, code: "AUTH" });
      expect((await resello.GET("/ssl-certificate")).error).toBeUndefined();
      expect(simulator.snapshot().tokens).toHaveLength(2);
    });

    it("fails the client's calls with AUTH when the token endpoint refuses its secret", async () => {
      const resello = createReselloClient({
        oidc: { tokenUrl, clientId: OIDC.clientId, clientSecret: "wrong" },
        baseUrl: base,
      });
      await expect(resello.GET("/ssl-certificate-plan")).rejects.toMatchObject({
        code: "AUTH",
        status: 401,
        providerCode: "invalid_client",
      });
    });
  });

  describe("createCertificateOnce", () => {
    const listed = async (resello: ReselloClient, reference: string) =>
      unwrapResello(
        (await resello.GET("/ssl-certificate", { params: { query: { client_reference: reference } } })).data!,
      );

    it("never orders again after a dropped connection, even when the order was not placed: the reference finds it later", async () => {
      const resello = createReselloClient({ ...SANDBOX_CREDENTIALS.resello, baseUrl: base });
      const fault = world.faults.add({
        provider: "resello",
        method: "POST",
        route: "/ssl-certificate",
        times: 1,
        drop: true,
      });
      await expect(
        createCertificateOnce(resello, { csr, dcv_type: "DNS", plan: DV, client_reference: "once-1" }),
      ).rejects.toMatchObject({
        code: "NETWORK",
        effectUnknown: true,
      });
      expect(world.faults.list().find((active) => active.id === fault)).toMatchObject({ seen: 1, hits: 1 });
      expect(simulator.snapshot().orders).toHaveLength(0);
    });

    it("finds the order by its client_reference when the answer was lost after it was placed", async () => {
      let posts = 0;
      const resello = createReselloClient({
        ...SANDBOX_CREDENTIALS.resello,
        baseUrl: base,
        fetch: async (request) => {
          const response = await fetch(request);
          if (request.method === "POST" && ++posts === 1) throw new TypeError("fetch failed: the connection was reset");
          return response;
        },
      });
      const ordered = await createCertificateOnce(resello, {
        csr,
        dcv_type: "DNS",
        plan: DV,
        client_reference: "once-2",
      });
      expect(posts).toBe(1);
      expect(ordered).toMatchObject({ status: "pending", client_reference: "once-2" });
      expect((await listed(resello, "once-2")).map((certificate) => certificate.id)).toEqual([ordered.id]);
      expect(simulator.snapshot().orders).toHaveLength(1);
    });
  });
});
