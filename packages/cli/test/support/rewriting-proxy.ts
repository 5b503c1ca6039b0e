// A provider that answers with hostile data: a proxy on loopback in front of a sandbox's simulator that rewrites
// every JSON answer on the way back, as a compromised or broken provider could send it.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** A running proxy: its origin, the rewrite it applies now, and how to stop it. */
export interface RewritingProxy {
  url: string;
  /** Changes each JSON answer (the parsed body, in place or returned anew); `undefined` passes answers unchanged. */
  rewrite: ((body: unknown) => unknown) | undefined;
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts a proxy to `target` (an origin such as the sandbox server's). */
export async function startRewritingProxy(target: string): Promise<RewritingProxy> {
  const proxy: RewritingProxy = { url: "", rewrite: undefined, close: () => Promise.resolve() };
  const server = createServer((request, response) => {
    void (async () => {
      const body = await bodyOf(request);
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(([name]) => !["host", "connection", "content-length"].includes(name)),
      ) as Record<string, string>;
      const answer = await fetch(`${target}${request.url}`, {
        method: request.method!,
        headers,
        ...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
      });
      let text = await answer.text();
      if (proxy.rewrite !== undefined && (answer.headers.get("content-type") ?? "").includes("json") && text !== "") {
        const parsed: unknown = JSON.parse(text);
        text = JSON.stringify(proxy.rewrite(parsed) ?? parsed);
      }
      response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "text/plain" });
      response.end(text);
    })().catch((error: unknown) => {
      response.writeHead(502).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () => new Promise((resolve) => server.close(() => resolve()));
  return proxy;
}

/** A rewrite that sets every `key` field, at any depth, to `value`. */
export function settingEvery(key: string, value: unknown): (body: unknown) => unknown {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === "object" && node !== null) {
      for (const [name, child] of Object.entries(node)) {
        if (name === key) (node as Record<string, unknown>)[name] = value;
        else visit(child);
      }
    }
  };
  return (body) => {
    visit(body);
    return body;
  };
}
