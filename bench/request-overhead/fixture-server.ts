// The server side of the request-overhead benchmark, run as a child process so the clients are measured alone. It
// answers one certificate GET per provider with fixed bytes: realistic bodies, taken once at start from the certkit
// sandbox (an issued certificate with its PEM chain), then served by plain node:http with no work per request.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createSandbox } from "@certkit/sandbox";
import { startSandboxServer } from "@certkit/sandbox/node";
import { reportListening, runAsChild } from "../lib/child-process.ts";

/** What the clients need to reach the fixture server; the benchmark reads it from the child's first message. */
export interface FixtureServerInfo {
  url: string;
  ionos: { baseUrl: string; apiKey: string; id: string; bodyBytes: number };
  dnsimple: { baseUrl: string; token: string; account: number; domain: string; certificate: number; bodyBytes: number };
}

interface FixedAnswer {
  /** The header the client must send, and its value (the credential), or the answer is 401. */
  auth: [name: string, value: string];
  body: Buffer;
  headers: Record<string, string>;
}

/** Reads one answer from the sandbox over HTTP, as bytes. */
async function read(url: string, headers: Record<string, string>): Promise<Buffer> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`the sandbox answered ${response.status} to ${url}`);
  return Buffer.from(await response.arrayBuffer());
}

/** Takes an issued IONOS certificate and an issued DNSimple certificate from a seeded sandbox, as their APIs answer them. */
async function takeAnswersFromSandbox() {
  const sandbox = await createSandbox({ seed: true });
  const server = await startSandboxServer(sandbox);
  try {
    const ionos = server.clientOptions("ionos-ssl");
    const ionosHeaders = { "X-API-Key": ionos.apiKey };
    const list = JSON.parse((await read(`${ionos.baseUrl}/v1/certificates`, ionosHeaders)).toString()) as {
      certificates: { id: string; status: string }[];
    };
    const active = list.certificates.find((certificate) => certificate.status === "ACTIVE");
    if (!active) throw new Error("the seeded IONOS sandbox has no ACTIVE certificate");
    const ionosBody = await read(`${ionos.baseUrl}/v1/certificates/${active.id}`, ionosHeaders);

    const dnsimple = server.clientOptions("dnsimple");
    const dnsimpleHeaders = { Authorization: `Bearer ${dnsimple.token}` };
    const account = sandbox.simulators.dnsimple.accountId;
    const domain = "example.com";
    const certificates = JSON.parse(
      (await read(`${dnsimple.baseUrl}/${account}/domains/${domain}/certificates`, dnsimpleHeaders)).toString(),
    ) as { data: { id: number; state: string }[] };
    const issued = certificates.data.find((certificate) => certificate.state === "issued");
    if (!issued) throw new Error("the seeded DNSimple sandbox has no issued certificate");
    const dnsimpleBody = await read(
      `${dnsimple.baseUrl}/${account}/domains/${domain}/certificates/${issued.id}`,
      dnsimpleHeaders,
    );
    return {
      ionos: { apiKey: ionos.apiKey, id: active.id, body: ionosBody },
      dnsimple: { token: dnsimple.token, account, domain, certificate: issued.id, body: dnsimpleBody },
    };
  } finally {
    await server.close();
  }
}

function answer(outgoing: ServerResponse, status: number, body: Buffer, headers: Record<string, string>): void {
  outgoing.writeHead(status, { "Content-Type": "application/json", "Content-Length": String(body.length), ...headers });
  outgoing.end(body);
}

runAsChild(async () => {
  const taken = await takeAnswersFromSandbox();
  // DNSimple sends its rate-limit figures on every answer; the clients read them, so they are part of the work measured.
  const resetAt = String(Math.ceil(Date.now() / 1000) + 3600);
  const routes = new Map<string, FixedAnswer>([
    [
      `/ionos-ssl/v1/certificates/${taken.ionos.id}`,
      { auth: ["x-api-key", taken.ionos.apiKey], body: taken.ionos.body, headers: {} },
    ],
    [
      `/dnsimple/v2/${taken.dnsimple.account}/domains/${taken.dnsimple.domain}/certificates/${taken.dnsimple.certificate}`,
      {
        auth: ["authorization", `Bearer ${taken.dnsimple.token}`],
        body: taken.dnsimple.body,
        headers: { "X-RateLimit-Limit": "2400", "X-RateLimit-Remaining": "2399", "X-RateLimit-Reset": resetAt },
      },
    ],
  ]);
  const notFound = Buffer.from(JSON.stringify({ message: "not found" }));
  const unauthorized = Buffer.from(JSON.stringify({ message: "Authentication failed" }));

  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const fixed = incoming.method === "GET" ? routes.get(incoming.url ?? "") : undefined;
    if (!fixed) return answer(outgoing, 404, notFound, {});
    const [header, expected] = fixed.auth;
    if (incoming.headers[header] !== expected) return answer(outgoing, 401, unauthorized, {});
    answer(outgoing, 200, fixed.body, fixed.headers);
  });
  // Connections stay open between requests, as every client here keeps them alive.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const info: FixtureServerInfo = {
    url,
    ionos: {
      baseUrl: `${url}/ionos-ssl`,
      apiKey: taken.ionos.apiKey,
      id: taken.ionos.id,
      bodyBytes: taken.ionos.body.length,
    },
    dnsimple: {
      baseUrl: `${url}/dnsimple/v2`,
      token: taken.dnsimple.token,
      account: taken.dnsimple.account,
      domain: taken.dnsimple.domain,
      certificate: taken.dnsimple.certificate,
      bodyBytes: taken.dnsimple.body.length,
    },
  };
  await reportListening(info);
});
