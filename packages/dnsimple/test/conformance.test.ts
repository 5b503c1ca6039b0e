// What every client must do against a hostile server (the hostile-server suite of @certkit/test-kit), over real HTTP on loopback.
import { describeBoundedAnswers, describeRedirectRefusal, type ConformanceTarget } from "@certkit/test-kit";
import { composeApiClient } from "@certkit/runtime";
import { createDnsimpleClient, dnsimpleClientConfig, type DnsimpleClient, type paths } from "../src/index.js";
import { ACCOUNT_ID, CERTIFICATE_ID, DOMAIN } from "./support/fixtures.js";

const TOKEN = "Qz8e1c-CONFORMANCE-tok";

const dnsimple: ConformanceTarget<DnsimpleClient> = {
  provider: "dnsimple",
  secret: TOKEN,
  makeClient: (baseUrl, options) => createDnsimpleClient({ token: TOKEN, baseUrl, ...options }),
  read: (client) =>
    client.GET("/{account}/domains/{domain}/certificates/{certificate}", {
      params: { path: { account: ACCOUNT_ID, domain: DOMAIN, certificate: CERTIFICATE_ID } },
    }),
  write: (client) =>
    client.POST("/{account}/domains/{domain}/certificates/letsencrypt", {
      params: { path: { account: ACCOUNT_ID, domain: DOMAIN } },
      body: { name: "www", auto_renew: false },
    }),
};

describeRedirectRefusal(dnsimple);
describeBoundedAnswers(dnsimple);
// With only the steps every client has: the safety is not among what can be left out.
describeRedirectRefusal({
  ...dnsimple,
  makeClient: (baseUrl, options) =>
    composeApiClient<paths>(dnsimpleClientConfig({ token: TOKEN, baseUrl, ...options })),
});
