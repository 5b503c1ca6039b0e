// What every client must do against a hostile server (the hostile-server suite of @certkit/test-kit), over real HTTP on loopback.
import { describeBoundedAnswers, describeRedirectRefusal, type ConformanceTarget } from "@certkit/test-kit";
import { composeApiClient } from "@certkit/runtime";
import { createIonosSslClient, ionosSslClientConfig, type IonosSslClient, type paths } from "../src/index.js";
import { CERTIFICATE_ID } from "./support/fixtures.js";

const API_KEY = "pubprefix.CONFORMANCE-2f9d-7a1b";

const ionos: ConformanceTarget<IonosSslClient> = {
  provider: "ionos-ssl",
  secret: API_KEY,
  makeClient: (baseUrl, options) => createIonosSslClient({ apiKey: API_KEY, baseUrl, ...options }),
  read: (client) => client.GET("/v1/certificates/{id}", { params: { path: { id: CERTIFICATE_ID } } }),
  write: (client) =>
    client.POST("/v1/certificates", { body: { certificateType: "SSL_STARTER", commonName: "shop.example.test" } }),
};

describeRedirectRefusal(ionos);
describeBoundedAnswers(ionos);
// With only the steps every client has: the safety is not among what can be left out.
describeRedirectRefusal({
  ...ionos,
  makeClient: (baseUrl, options) =>
    composeApiClient<paths>(ionosSslClientConfig({ apiKey: API_KEY, baseUrl, ...options })),
});
