import { HttpResponse, http, type HttpHandler } from "msw";
import type { SandboxClock } from "../clock.js";
import type { FakeDns } from "../state/fake-dns.js";
import type { FakeWeb } from "../state/fake-web.js";

/** What the control API can reach. */
export interface ControlTarget {
  clock: SandboxClock;
  dns: FakeDns;
  web: FakeWeb;
  /** What `GET /_sandbox` answers: each simulated API's base URL and sandbox credentials. */
  describe: () => unknown;
}

async function readObject(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = await request.json();
    return typeof body === "object" && body !== null ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function badRequest(message: string): Response {
  return HttpResponse.json({ message }, { status: 400 });
}

/**
 * The sandbox's own control API, under `/_sandbox`: what a test or the demo does in the world outside the provider
 * (publish a DNS record or a validation file, let time pass), over HTTP so it also works from another process.
 */
export function controlHandlers(origin: string, target: ControlTarget): HttpHandler[] {
  const base = `${origin.replace(/\/+$/, "")}/_sandbox`;
  return [
    http.get(base, () => HttpResponse.json(target.describe() as never)),
    http.put(`${base}/dns/txt`, async ({ request }) => {
      const body = await readObject(request);
      if (typeof body?.name !== "string" || typeof body.value !== "string") return badRequest("body must be {name, value}");
      target.dns.addTxt(body.name, body.value);
      return new HttpResponse(null, { status: 204 });
    }),
    http.delete(`${base}/dns/txt`, async ({ request }) => {
      const body = await readObject(request);
      if (typeof body?.name !== "string") return badRequest("body must be {name, value?}");
      target.dns.removeTxt(body.name, typeof body.value === "string" ? body.value : undefined);
      return new HttpResponse(null, { status: 204 });
    }),
    http.put(`${base}/web`, async ({ request }) => {
      const body = await readObject(request);
      if (typeof body?.url !== "string" || typeof body.content !== "string") return badRequest("body must be {url, content}");
      try {
        target.web.publish(body.url, body.content);
      } catch {
        return badRequest("url must be an absolute URL");
      }
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${base}/clock/advance`, async ({ request }) => {
      const body = await readObject(request);
      if (typeof body?.ms !== "number" || !Number.isFinite(body.ms) || body.ms < 0) return badRequest("body must be {ms ≥ 0}");
      target.clock.advance(body.ms);
      return HttpResponse.json({ now: target.clock.now().toISOString() });
    }),
  ];
}
