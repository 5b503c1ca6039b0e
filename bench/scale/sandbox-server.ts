// The server side of the scale benchmarks: the certkit sandbox over HTTP, in a child process of its own so that the
// client's memory is measured alone, loaded with the orders one scenario needs.
import { createSandbox, type SandboxClientOptions } from "@certkit/sandbox";
import { startSandboxServer } from "@certkit/sandbox/node";
import { reportListening, runAsChild } from "../lib/child-process.ts";
import { DNSIMPLE_DOMAIN, ionosOrders, requestedDnsimpleCertificates } from "./scale-orders.ts";

/** What to load, from the command line as JSON. */
export type ScaleServerSetup =
  | { scenario: "ionos-list"; orders: number }
  | {
      scenario: "dnsimple-wait";
      orders: number;
      rateLimit: { limit: number; windowMs: number };
      /** When the certificates become issued, from the server's start: the first, and the last. */
      firstDueMs: number;
      lastDueMs: number;
    };

/** What the clients need to reach the server. */
export interface ScaleServerInfo {
  ionos: SandboxClientOptions<"ionos-ssl">;
  dnsimple: SandboxClientOptions<"dnsimple"> & { account: number; orderIds: string[] };
}

runAsChild(async () => {
  const setup = JSON.parse(process.argv[2] ?? "") as ScaleServerSetup;
  const sandbox = await createSandbox(
    setup.scenario === "dnsimple-wait"
      ? { dnsimple: { rateLimit: setup.rateLimit, domains: [DNSIMPLE_DOMAIN.name] } }
      : {},
  );
  const now = sandbox.clock.now();
  let orderIds: string[] = [];
  if (setup.scenario === "ionos-list") {
    const { publicKey } = await sandbox.ca.generateKey();
    const issued = await sandbox.ca.issue({
      commonName: "shop.example.com",
      altNames: [],
      publicKey,
      validFrom: new Date(now.getTime() - 86_400_000),
      validDays: 365,
    });
    sandbox.simulators["ionos-ssl"].restore({ orders: ionosOrders(setup.orders, issued, now) });
  } else {
    const { state, challenges } = requestedDnsimpleCertificates(setup.orders, now, setup.firstDueMs, setup.lastDueMs);
    sandbox.simulators.dnsimple.restore(state);
    for (const { name, value } of challenges) sandbox.dns.addTxt(name, value);
    const account = sandbox.simulators.dnsimple.accountId;
    orderIds = state.certificates.map((certificate) => `${account}/${DNSIMPLE_DOMAIN.name}/${certificate.id}`);
  }
  const server = await startSandboxServer(sandbox);
  const info: ScaleServerInfo = {
    ionos: server.clientOptions("ionos-ssl"),
    dnsimple: { ...server.clientOptions("dnsimple"), account: sandbox.simulators.dnsimple.accountId, orderIds },
  };
  await reportListening(info);
});
