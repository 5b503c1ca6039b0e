// What every client must do against a hostile server (the hostile-server suite of @certkit/test-kit), over real HTTP on loopback.
import { describeBoundedAnswers, describeRedirectRefusal, type ConformanceTarget } from "@certkit/test-kit";
import { composeApiClient } from "@certkit/runtime";
import { createZerosslClient, zerosslClientConfig, type paths, type ZerosslClient } from "../src/index.js";
import { CERTIFICATE_ID, CSR } from "./support/fixtures.js";

const ACCESS_KEY = "zs-CONFORMANCE-2f9d-7a1b";

const zerossl: ConformanceTarget<ZerosslClient> = {
  provider: "zerossl",
  secret: ACCESS_KEY,
  makeClient: (baseUrl, options) => createZerosslClient({ accessKey: ACCESS_KEY, baseUrl, ...options }),
  read: (client) => client.GET("/certificates/{id}", { params: { path: { id: CERTIFICATE_ID } } }),
  write: (client) =>
    client.POST("/certificates", { body: { certificate_domains: "shop.example.test", certificate_csr: CSR } }),
};

describeRedirectRefusal(zerossl);
describeBoundedAnswers(zerossl);
// With only the steps every client has: the safety is not among what can be left out.
describeRedirectRefusal({
  ...zerossl,
  makeClient: (baseUrl, options) =>
    composeApiClient<paths>(zerosslClientConfig({ accessKey: ACCESS_KEY, baseUrl, ...options })),
});
