import { HttpResponse, http, type HttpHandler } from "msw";
import type { SandboxFaults } from "./faults/sandbox-faults.js";
import type { SandboxProvider } from "./providers.js";

type Method = "get" | "put" | "post" | "delete" | "patch";

/** The operation at `Path` + `M` of a generated `paths` type. */
type OperationOf<Paths, Path extends keyof Paths, M extends Method> =
  Paths[Path] extends Record<M, infer Op> ? Op : never;

/** Paths of `Paths` that have method `M`. */
export type PathsWith<Paths, M extends Method> = {
  [P in keyof Paths]: Paths[P] extends Record<M, object> ? P : never;
}[keyof Paths] &
  string;

type PathParamsOf<Op> = Op extends { parameters: { path: infer Params } } ? Params : Record<string, never>;
type JsonBodyOf<Op> = Op extends { requestBody?: { content: { "application/json": infer Body } } } ? Body : never;
type ResponsesOf<Op> = Op extends { responses: infer R } ? R : never;
type ContentOf<Response> = Response extends { content: { "application/json": infer Body } }
  ? Body
  : Response extends { content: Record<string, infer Body> }
    ? Body
    : null;

/**
 * One answer a simulator may give for operation `Op`: a status the spec documents for it, with the body the spec
 * gives that status. A handler that answers an undocumented status or a wrong shape does not compile.
 */
export type Reply<Op> = {
  [Status in keyof ResponsesOf<Op>]: {
    /** A status the spec lists; for its `default` or range (`4XX`) responses, any status those stand for. */
    status: Status extends number ? Status : number;
    body: ContentOf<ResponsesOf<Op>[Status]>;
    headers?: Record<string, string>;
  };
}[keyof ResponsesOf<Op>];

/** What a route's resolver receives. */
export interface RouteContext<Op> {
  request: Request;
  /**
   * Path parameters, decoded, as the strings they arrive as: a parameter the spec types as a number is still text
   * here, to be checked as the provider would (`/certificates/abc` is a request a client can send).
   */
  params: { [Name in keyof PathParamsOf<Op>]: string };
  query: URLSearchParams;
  /**
   * The JSON request body, typed as the spec's request body with every field optional: the simulator must check
   * it as the provider would, since a client may send anything. `undefined` when absent or not JSON.
   */
  json: () => Promise<Partial<JsonBodyOf<Op>> | undefined>;
  /** The body's fields when it was sent as `application/x-www-form-urlencoded`, else `undefined`. */
  form: () => Promise<URLSearchParams | undefined>;
}

/** A resolver that answers one operation. It may return a plain `Response` for bodies the spec cannot type. */
export type RouteResolver<Op> = (context: RouteContext<Op>) => Reply<Op> | Response | Promise<Reply<Op> | Response>;

/** A check that runs before every route (authentication): a `Response` ends the request there. */
export type RouteGuard = (request: Request) => GuardVerdict | Promise<GuardVerdict>;

/**
 * A guard's verdict: a `Response` refuses the request; `undefined` lets it through; `{ headers }` lets it through
 * and puts those headers on whatever the route answers (as DNSimple puts its rate-limit headers on every answer).
 */
export type GuardVerdict = Response | { headers: Record<string, string> } | undefined;

/** How {@link TypedRoutes.handlers} serves the routes. */
export interface ServeOptions {
  /** The provider the routes simulate, which faults are matched against. */
  provider: SandboxProvider;
  /** Runs before every route, after faults: the provider's authentication. */
  guard?: RouteGuard;
  /** Faults to apply before the guard and the route, as a gateway in front of the provider would fail. */
  faults?: SandboxFaults;
  /**
   * The provider's answer to a body that is neither JSON nor a form, given before the route runs. Without it the
   * route sees such a body as absent (`json()` is `undefined`), which suits routes whose body has required fields.
   */
  malformedBody?: () => Response;
}

interface RouteDefinition {
  method: Method;
  path: string;
  resolve: (context: RouteContext<unknown>) => unknown;
}

/** Static segments win over parameters, as `/v1/certificates/quota` must win over `/v1/certificates/{id}`. */
function specificity(path: string): number[] {
  return path.split("/").map((segment) => (segment.startsWith("{") ? 0 : 1));
}

function compareSpecificity(a: RouteDefinition, b: RouteDefinition): number {
  const [x, y] = [specificity(a.path), specificity(b.path)];
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    if ((x[i] ?? -1) !== (y[i] ?? -1)) return (y[i] ?? -1) - (x[i] ?? -1);
  }
  return 0;
}

function toResponse(reply: unknown): Response {
  if (reply instanceof Response) return reply;
  const { status, body, headers } = reply as { status: number; body: unknown; headers?: Record<string, string> };
  if (body === null || body === undefined) return new HttpResponse(null, { status, headers });
  if (typeof body === "string") return HttpResponse.text(body, { status, headers });
  return HttpResponse.json(body as never, { status, headers });
}

async function readForm(request: Request): Promise<URLSearchParams | undefined> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/x-www-form-urlencoded"))
    return undefined;
  return new URLSearchParams(await request.text());
}

/** Whether the body is there but is neither JSON nor a form. */
async function isMalformedBody(request: Request): Promise<boolean> {
  if (request.headers.get("content-type")?.toLowerCase().startsWith("application/x-www-form-urlencoded")) return false;
  const text = await request.text();
  if (text.trim() === "") return false;
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Declares a simulator's routes against a generated `paths` type, so each route's path, parameters, request body
 * and replies are checked against the spec at compile time, then turns them into msw handlers for any base URL.
 */
export class TypedRoutes<Paths> {
  readonly #routes: RouteDefinition[] = [];

  /** Adds the route for `method` + `path` (a path of the spec, e.g. `/v1/certificates/{id}`). */
  on<M extends Method, Path extends PathsWith<Paths, M>>(
    method: M,
    path: Path,
    resolve: NoInfer<RouteResolver<OperationOf<Paths, Path, M>>>,
  ): this {
    this.#routes.push({ method, path, resolve });
    return this;
  }

  /** The routes as msw handlers under `baseUrl`, most specific first, with faults and the guard applied first. */
  handlers(baseUrl: string, options: ServeOptions): HttpHandler[] {
    const base = baseUrl.replace(/\/+$/, "");
    return [...this.#routes].sort(compareSpecificity).map((route) =>
      http[route.method](`${base}${route.path.replace(/\{([^}]+)\}/g, ":$1")}`, async ({ request, params }) => {
        const target = { provider: options.provider, method: route.method, route: route.path };
        const injected = await options.faults?.apply(target, request.signal);
        if (injected) return injected;
        const verdict = await options.guard?.(request);
        if (verdict instanceof Response) return verdict;
        const context: RouteContext<unknown> = {
          request,
          params: params as never,
          query: new URL(request.url).searchParams,
          json: () => readJson(request.clone()) as Promise<never>,
          form: () => readForm(request.clone()),
        };
        const { malformedBody } = options;
        const response =
          malformedBody !== undefined && (await isMalformedBody(request.clone()))
            ? malformedBody()
            : toResponse(await route.resolve(context));
        for (const [name, value] of Object.entries(verdict?.headers ?? {})) response.headers.set(name, value);
        return response;
      }),
    );
  }
}
