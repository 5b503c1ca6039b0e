// What every client must do against a hostile server (the hostile-server suite of @certkit/test-kit), over real HTTP on loopback,
// with each of the client's three kinds of credentials.
import { describe, expect, it } from "vitest";
import {
  describeBoundedAnswers,
  describeRedirectRefusal,
  startLoopbackServer,
  type ConformanceTarget,
} from "@certkit/test-kit";
import { composeApiClient } from "@certkit/runtime";
import { createReselloClient, reselloClientConfig, type paths, type ReselloClient } from "../src/index.js";
import { OPERATIONS } from "./support/operations.js";

const API_KEY = "Qz4c8e-CONFORMANCE-key";
const CLIENT_SECRET = "Qz1a5f-CONFORMANCE-sec";

const calls = { read: OPERATIONS.getCertificate!.call, write: OPERATIONS.createCertificate!.call };

const basic: ConformanceTarget<ReselloClient> = {
  provider: "resello",
  secret: API_KEY,
  makeClient: (baseUrl, options) =>
    createReselloClient({ resellerReference: "RS-1001", apiKey: API_KEY, baseUrl, ...options }),
  ...calls,
};

describeRedirectRefusal(basic);
describeBoundedAnswers(basic);
describeRedirectRefusal({
  ...basic,
  makeClient: (baseUrl, options) => createReselloClient({ accessToken: API_KEY, baseUrl, ...options }),
});
// With only the steps every client has: the safety is not among what can be left out.
describeRedirectRefusal({
  ...basic,
  makeClient: (baseUrl, options) =>
    composeApiClient<paths>(
      reselloClientConfig({ resellerReference: "RS-1001", apiKey: API_KEY, baseUrl, ...options }),
    ),
});

describe("resello: the token endpoint's redirect is never followed", () => {
  it.each([301, 302, 303, 307, 308])(
    "HTTP %i: the client secret reaches no other origin, and the API gets no call",
    async (status) => {
      const elsewhere = await startLoopbackServer((_, response) =>
        response
          .writeHead(200, { "Content-Type": "application/json" })
          .end('{"access_token":"foreign-token-0123","expires_in":300}'),
      );
      const tokens = await startLoopbackServer((_, response) =>
        response.writeHead(status, { Location: `${elsewhere.url}/token` }).end(),
      );
      const api = await startLoopbackServer((_, response) =>
        response.writeHead(200, { "Content-Type": "application/json" }).end("{}"),
      );
      try {
        const client = createReselloClient({
          oidc: { tokenUrl: `${tokens.url}/token`, clientId: "shop", clientSecret: CLIENT_SECRET },
          baseUrl: api.url,
        });
        const error = await calls.read(client).catch((thrown: unknown) => thrown);
        expect(error).toMatchObject({ name: "CertkitError", code: "PROVIDER", provider: "resello", status });
        expect((error as Error).message).toContain(
          `to ${elsewhere.url}, which is never followed: the client secret was sent nowhere else`,
        );
        expect(tokens.requests).toHaveLength(1);
        expect(elsewhere.requests).toEqual([]);
        expect(api.requests).toEqual([]);
      } finally {
        await Promise.all([tokens.close(), elsewhere.close(), api.close()]);
      }
    },
  );
});
