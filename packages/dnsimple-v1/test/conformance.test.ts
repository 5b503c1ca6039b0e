// What every client must do against a hostile server (the hostile-server suite of @certkit/test-kit), over real HTTP on loopback.
import { describeBoundedAnswers, describeRedirectRefusal, type ConformanceTarget } from "@certkit/test-kit";
import { composeApiClient } from "@certkit/runtime";
import { createDnsimpleV1Client, dnsimpleV1ClientConfig, type DnsimpleV1Client, type paths } from "../src/index.js";
import { CERTIFICATE_ID, CSR_PEM, DOMAIN } from "./support/fixtures.js";

const TOKEN = "v1-CONFORMANCE-token-3b7f";

const dnsimpleV1: ConformanceTarget<DnsimpleV1Client> = {
  provider: "dnsimple-v1",
  secret: TOKEN,
  makeClient: (baseUrl, options) =>
    createDnsimpleV1Client({ email: "admin@example.test", token: TOKEN, baseUrl, ...options }),
  read: (client) =>
    client.GET("/domains/{domain}/certificates/{id}", { params: { path: { domain: DOMAIN, id: CERTIFICATE_ID } } }),
  write: (client) =>
    client.POST("/domains/{domain}/certificates", {
      params: { path: { domain: DOMAIN } },
      body: { certificate: { name: "www", contact_id: 1001, csr: CSR_PEM } },
    }),
};

describeRedirectRefusal(dnsimpleV1);
describeBoundedAnswers(dnsimpleV1);
// With only the steps every client has: the safety is not among what can be left out.
describeRedirectRefusal({
  ...dnsimpleV1,
  makeClient: (baseUrl, options) =>
    composeApiClient<paths>(dnsimpleV1ClientConfig({ email: "admin@example.test", token: TOKEN, baseUrl, ...options })),
});
