import { HttpResponse, http, type HttpHandler } from "msw";
import type { FaultSpec } from "../faults/sandbox-faults.js";
import type { Sandbox, SandboxSnapshot } from "../sandbox.js";

/** What the control API can reach. */
export interface ControlTarget {
  sandbox: Sandbox;
  /** What `GET /_sandbox` answers: each simulated API's base URL and sandbox credentials. */
  describe: () => unknown;
}

async function readObject(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = await request.json();
    return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function badRequest(message: string): Response {
  return HttpResponse.json({ message }, { status: 400 });
}

const noContent = () => new HttpResponse(null, { status: 204 });

/**
 * The sandbox's own control API, under `/_sandbox`: what a test or the demo does in the world outside the provider
 * (publish a DNS record or a validation file, approve an email, let time pass), and what it does to the sandbox
 * itself (inject faults, save and restore state), over HTTP so it also works from another process.
 */
export function controlHandlers(origin: string, { sandbox, describe }: ControlTarget): HttpHandler[] {
  const base = `${origin.replace(/\/+$/, "")}/_sandbox`;
  return [
    http.get(base, () => HttpResponse.json(describe() as never)),
    http.put(`${base}/dns/txt`, async ({ request }) => {
      const body = await readObject(request);
      if (typeof body?.name !== "string" || typeof body.value !== "string") return badRequest("body must be {name, value}");
      sandbox.dns.addTxt(body.name, body.value);
      return noContent();
    }),
    http.delete(`${base}/dns/txt`, async ({ request }) => {
      const body = await readObject(request);
      if (typeof body?.name !== "string") return badRequest("body must be {name, value?}");
      sandbox.dns.removeTxt(body.name, typeof body.value === "string" ? body.value : undefined);
      return noContent();
    }),
    http.put(`${base}/web`, async ({ request }) => {
      const body = await readObject(request);
      if (typeof body?.url !== "string" || typeof body.content !== "string") return badRequest("body must be {url, content}");
      try {
        sandbox.web.publish(body.url, body.content);
      } catch {
        return badRequest("url must be an absolute URL");
      }
      return noContent();
    }),
    http.get(`${base}/mail`, ({ request }) => {
      const to = new URL(request.url).searchParams.get("to") ?? undefined;
      return HttpResponse.json(sandbox.mail.inbox(to) as never);
    }),
    http.post(`${base}/mail/approve`, async ({ request }) => {
      const body = await readObject(request);
      if (typeof body?.code !== "string") return badRequest("body must be {code}");
      if (!sandbox.mail.approve(body.code, sandbox.clock.now())) {
        return HttpResponse.json({ message: "no email has that code" }, { status: 404 });
      }
      return noContent();
    }),
    http.post(`${base}/clock/advance`, async ({ request }) => {
      const body = await readObject(request);
      if (typeof body?.ms !== "number" || !Number.isFinite(body.ms) || body.ms < 0) return badRequest("body must be {ms ≥ 0}");
      sandbox.clock.advance(body.ms);
      return HttpResponse.json({ now: sandbox.clock.now().toISOString() });
    }),
    http.get(`${base}/faults`, () => HttpResponse.json(sandbox.faults.list() as never)),
    http.post(`${base}/faults`, async ({ request }) => {
      const body = await readObject(request);
      if (!body) return badRequest("body must be a fault: {provider?, method?, route?, from?, times?, delayMs?, status?, body?, headers?, malformed?, drop?}");
      try {
        return HttpResponse.json({ id: sandbox.faults.add(body as FaultSpec) }, { status: 201 });
      } catch (problem) {
        return badRequest(problem instanceof Error ? problem.message : String(problem));
      }
    }),
    http.delete(`${base}/faults`, () => {
      sandbox.faults.clear();
      return noContent();
    }),
    http.delete(`${base}/faults/:id`, ({ params }) =>
      sandbox.faults.remove(Number(params.id)) ? noContent() : HttpResponse.json({ message: "no fault has that id" }, { status: 404 }),
    ),
    http.get(`${base}/snapshot`, async () => HttpResponse.json((await sandbox.snapshot()) as never)),
    http.put(`${base}/snapshot`, async ({ request }) => {
      const body = await readObject(request);
      try {
        await sandbox.restore(body as unknown as SandboxSnapshot);
      } catch (problem) {
        return badRequest(problem instanceof Error ? problem.message : String(problem));
      }
      return noContent();
    }),
    http.post(`${base}/reset`, () => {
      sandbox.reset();
      return noContent();
    }),
  ];
}
