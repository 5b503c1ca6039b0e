import { HttpResponse, http, type HttpHandler, type HttpResponseResolver } from "msw";
import type { FaultSpec } from "../faults/sandbox-faults.js";
import { DNS_RECORD_TYPES } from "../state/fake-dns.js";
import type { Sandbox, SandboxSnapshot } from "../sandbox.js";

/** Where the control API lives under the sandbox's origin. */
export const CONTROL_PATH = "/_sandbox";

/** What the control API can reach. */
export interface ControlTarget {
  sandbox: Sandbox;
  /** What `GET /_sandbox` answers: each simulated API's base URL and sandbox credentials. */
  describe: () => unknown;
}

// Nesting deeper than any sandbox state needs: a deeper body is refused before code that walks it recursively
// (structuredClone, JSON.stringify) could overflow the stack.
const MAX_JSON_DEPTH = 64;

/** Whether `value` nests objects and arrays deeper than `limit` (checked without recursion). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (typeof item !== "object" || item === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

type BodyRead = { ok: true; body: Record<string, unknown> } | { ok: false; response: Response };

async function readObject(request: Request, shape: string): Promise<BodyRead> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { ok: false, response: badRequest(`body must be JSON: ${shape}`) };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return { ok: false, response: badRequest(`body must be ${shape}`) };
  if (nestsDeeperThan(body, MAX_JSON_DEPTH))
    return { ok: false, response: badRequest(`body nests deeper than ${MAX_JSON_DEPTH} levels`) };
  return { ok: true, body: body as Record<string, unknown> };
}

function badRequest(message: string): Response {
  return HttpResponse.json({ message }, { status: 400 });
}

// What HTTP allows in a header name (a token), and in a value as Node sends it (no control characters but tab).
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** What is wrong with a fault's `headers`, which the server will send as they are; `undefined` when nothing is. */
function checkFaultHeaders(headers: unknown): string | undefined {
  if (headers === undefined) return undefined;
  if (typeof headers !== "object" || headers === null || Array.isArray(headers))
    return "fault.headers must be {name: value}";
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) return `fault.headers: ${JSON.stringify(name)} is not a header name`;
    if (typeof value !== "string" || !HEADER_VALUE.test(value))
      return `fault.headers: the value of ${name} must be a string without control characters`;
  }
  return undefined;
}

const noContent = () => new HttpResponse(null, { status: 204 });

/**
 * A control API write: refused with `415` unless it says its body is JSON. A browser sends a cross-origin POST
 * without asking first only with a form or text content type, so this keeps every other site's pages from
 * resetting the sandbox or moving its clock.
 */
function write(resolve: HttpResponseResolver): HttpResponseResolver {
  return (info) => {
    const type = info.request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (type !== "application/json") {
      return HttpResponse.json({ message: "control API writes need Content-Type: application/json" }, { status: 415 });
    }
    return resolve(info);
  };
}

/** A control API write whose body must be a JSON object of `shape`; `handle` gets it once it is one. */
function jsonWrite(
  shape: string,
  handle: (body: Record<string, unknown>) => Response | Promise<Response>,
): HttpResponseResolver {
  return write(async ({ request }) => {
    const read = await readObject(request, shape);
    return read.ok ? handle(read.body) : read.response;
  });
}

/**
 * The sandbox's own control API, under `/_sandbox`: what a test or the demo does in the world outside the provider
 * (publish a DNS record or a validation file, approve an email, let time pass), and what it does to the sandbox
 * itself (inject faults, save and restore state), over HTTP so it also works from another process. Every write needs
 * `Content-Type: application/json`.
 */
export function controlHandlers(origin: string, { sandbox, describe }: ControlTarget): HttpHandler[] {
  const base = `${origin.replace(/\/+$/, "")}${CONTROL_PATH}`;
  return [
    http.get(base, () => HttpResponse.json(describe() as never)),
    // One pair of routes per record type the fake DNS holds: /dns/txt, /dns/cname.
    ...DNS_RECORD_TYPES.flatMap((type) => [
      http.put(
        `${base}/dns/${type.toLowerCase()}`,
        jsonWrite("{name, value}", ({ name, value }) => {
          if (typeof name !== "string" || typeof value !== "string") return badRequest("body must be {name, value}");
          sandbox.dns.add(type, name, value);
          return noContent();
        }),
      ),
      http.delete(
        `${base}/dns/${type.toLowerCase()}`,
        jsonWrite("{name, value?}", ({ name, value }) => {
          if (typeof name !== "string" || (value !== undefined && typeof value !== "string"))
            return badRequest("body must be {name, value?}");
          sandbox.dns.remove(type, name, value);
          return noContent();
        }),
      ),
    ]),
    http.put(
      `${base}/web`,
      jsonWrite("{url, content}", ({ url, content }) => {
        if (typeof url !== "string" || typeof content !== "string") return badRequest("body must be {url, content}");
        try {
          sandbox.web.publish(url, content);
        } catch {
          return badRequest("url must be an absolute URL");
        }
        return noContent();
      }),
    ),
    http.get(`${base}/mail`, ({ request }) => {
      const to = new URL(request.url).searchParams.get("to") ?? undefined;
      return HttpResponse.json(sandbox.mail.inbox(to) as never);
    }),
    http.post(
      `${base}/mail/approve`,
      jsonWrite("{code}", ({ code }) => {
        if (typeof code !== "string") return badRequest("body must be {code}");
        if (!sandbox.mail.approve(code, sandbox.clock.now())) {
          return HttpResponse.json({ message: "no email has that code" }, { status: 404 });
        }
        return noContent();
      }),
    ),
    http.post(
      `${base}/clock/advance`,
      jsonWrite("{ms}", ({ ms }) => {
        try {
          sandbox.clock.advance(ms as number);
        } catch (problem) {
          return badRequest(`body must be {ms}: ${(problem as Error).message}`);
        }
        return HttpResponse.json({ now: sandbox.clock.now().toISOString() });
      }),
    ),
    http.get(`${base}/faults`, () => HttpResponse.json(sandbox.faults.list() as never)),
    http.post(
      `${base}/faults`,
      jsonWrite(
        "a fault: {provider?, method?, route?, from?, times?, delayMs?, status?, body?, headers?, malformed?, drop?}",
        (body) => {
          const headers = checkFaultHeaders(body.headers);
          if (headers !== undefined) return badRequest(headers);
          try {
            return HttpResponse.json({ id: sandbox.faults.add(body as FaultSpec) }, { status: 201 });
          } catch (problem) {
            return badRequest(problem instanceof Error ? problem.message : String(problem));
          }
        },
      ),
    ),
    http.delete(
      `${base}/faults`,
      write(() => {
        sandbox.faults.clear();
        return noContent();
      }),
    ),
    http.delete(
      `${base}/faults/:id`,
      write(({ params }) =>
        sandbox.faults.remove(Number(params.id))
          ? noContent()
          : HttpResponse.json({ message: "no fault has that id" }, { status: 404 }),
      ),
    ),
    http.get(`${base}/snapshot`, async () => HttpResponse.json((await sandbox.snapshot()) as never)),
    http.put(
      `${base}/snapshot`,
      jsonWrite("a sandbox snapshot", async (body) => {
        try {
          await sandbox.restore(body as unknown as SandboxSnapshot);
        } catch (problem) {
          return badRequest(problem instanceof Error ? problem.message : String(problem));
        }
        return noContent();
      }),
    ),
    http.post(
      `${base}/reset`,
      write(() => {
        sandbox.reset();
        return noContent();
      }),
    ),
  ];
}
