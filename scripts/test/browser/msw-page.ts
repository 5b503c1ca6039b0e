// Page (a): the whole IONOS lifecycle in the page, through the facade, against the sandbox installed in msw's
// service worker, as the sandbox README's browser section shows. No server but the one serving these files.
import { createCertificateClient, waitForStatus } from "@certkit/certificates";
import { ionosSsl } from "@certkit/certificates/ionos-ssl";
import { generateCsr, SandboxClock, setupSandbox } from "@certkit/sandbox";
import { setupWorker } from "msw/browser";
import { showResult } from "./show-result.js";

await showResult(async () => {
  const worker = setupWorker();
  // The worker must be running before the sandbox installs its handlers in it.
  await worker.start({ quiet: true, onUnhandledFrame: "bypass" });
  const sandbox = await setupSandbox(worker, {
    clock: new SandboxClock({ frozenAt: new Date("2026-06-01T09:00:00Z") }),
    "ionos-ssl": { issuanceDelayMs: 5 * 60_000 },
  });
  const certs = createCertificateClient(ionosSsl(sandbox.clientOptions("ionos-ssl")));

  const commonName = "browser.example.com";
  const { csr } = await generateCsr({ commonName });
  const order = await certs.order({ commonName, csr, validationMethod: "dns", product: "SSL_STARTER" });
  for (const { dns } of await certs.validation(order.id)) {
    if (dns) sandbox.dns.addTxt(dns.name, dns.value);
  }
  await certs.confirmValidation(order.id);
  sandbox.clock.advance(5 * 60_000);
  const issued = await waitForStatus(certs, order.id, { until: "issued", intervalMs: 50 });
  const bundle = await certs.download(issued.id);
  const chain = await sandbox.ca.verifyChain([bundle.certificate, ...bundle.chain].join("\n"), sandbox.clock.now());
  return {
    ordered: order.status,
    status: issued.status,
    commonName: issued.commonName,
    chainVerified: chain.ok,
    names: chain.ok ? chain.names : [],
  };
});
