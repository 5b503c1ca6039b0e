// Page (b): a web app on one origin using the facade against `certkit-sandbox` on another (its URL in ?sandbox=),
// which answers it only when started with --cors for this page's origin.
import { createCertificateClient, waitForStatus } from "@certkit/certificates";
import { dnsimple } from "@certkit/certificates/dnsimple";
import { showResult } from "./show-result.js";

await showResult(async () => {
  const sandbox = new URL(location.href).searchParams.get("sandbox")!;
  const certs = createCertificateClient(
    dnsimple({ token: "sandbox-dnsimple-token", accountId: 1010, baseUrl: `${sandbox}/dnsimple/v2` }),
  );
  const order = await certs.order({ commonName: "app.example.com" });
  const issued = await waitForStatus(certs, order.id, { until: "issued", intervalMs: 50 });
  const bundle = await certs.download(issued.id);
  return {
    status: issued.status,
    commonName: issued.commonName,
    certificate: bundle.certificate.startsWith("-----BEGIN CERTIFICATE-----"),
    privateKey: bundle.privateKey?.startsWith("-----BEGIN PRIVATE KEY-----") ?? false,
  };
});
