import { delay, HttpResponse } from "msw";
import type { SandboxProvider } from "../providers.js";
import { ListLag } from "./list-lag.js";

/** The longest delay a fault may add: what a timer holds (2³¹ − 1 ms, about 24.8 days). */
const MAX_DELAY_MS = 2_147_483_647;

/** HTTP methods a fault can be limited to. */
export type FaultMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * A fault to inject into the simulated APIs: which requests it hits, and what happens to them. A fault with only
 * `delayMs` slows requests down and lets them through; with `status`, `malformed` or `drop` it answers instead of
 * the simulator (after `delayMs`, if given).
 */
export interface FaultSpec {
  /** Only this provider's API. Default: every provider. */
  provider?: SandboxProvider;
  /** Only this method. Default: every method. */
  method?: FaultMethod;
  /** Only this route, written as in the provider's spec (e.g. `/v1/certificates/{id}`). Default: every route. */
  route?: string;
  /** The first matching request the fault hits, counting from 1 (`from: 3, times: 1`: the third call fails). Default 1. */
  from?: number;
  /** How many matching requests the fault hits, from `from` on. Default: all of them, until the fault is removed. */
  times?: number;
  /** Wait this long (real time, not sandbox time) before answering. */
  delayMs?: number;
  /** Answer with this status instead of the simulator. */
  status?: number;
  /** The body of a `status` answer: JSON, or a string sent as it is. Default `{"message": "Injected fault"}`. */
  body?: unknown;
  /** Headers of a `status` answer, e.g. `Retry-After`. */
  headers?: Record<string, string>;
  /** Answer `200` with a JSON body cut off in the middle. */
  malformed?: boolean;
  /** Close the connection without an answer. */
  drop?: boolean;
}

/** A fault in place, with how many matching requests it has seen. */
export interface ActiveFault extends FaultSpec {
  readonly id: number;
  /** Matching requests seen since the fault was added. */
  readonly seen: number;
  /** Requests the fault has hit. */
  readonly hits: number;
}

/** The request a fault is matched against. */
export interface FaultTarget {
  provider: SandboxProvider;
  method: string;
  route: string;
}

const METHODS: readonly FaultMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function checkCount(name: string, value: unknown, minimum: number): void {
  if (value !== undefined && (typeof value !== "number" || !Number.isInteger(value) || value < minimum)) {
    throw new RangeError(`fault.${name} must be an integer ≥ ${minimum}, got ${JSON.stringify(value)}`);
  }
}

function checkSpec(spec: FaultSpec): void {
  if (typeof spec !== "object" || spec === null) throw new TypeError("a fault must be an object");
  if (spec.method !== undefined && !METHODS.includes(spec.method)) {
    throw new RangeError(`fault.method must be one of ${METHODS.join(", ")}, got ${JSON.stringify(spec.method)}`);
  }
  if (spec.route !== undefined && (typeof spec.route !== "string" || !spec.route.startsWith("/"))) {
    throw new TypeError("fault.route must be a path of the provider's spec, starting with /");
  }
  checkCount("from", spec.from, 1);
  checkCount("times", spec.times, 1);
  if (
    spec.delayMs !== undefined &&
    (typeof spec.delayMs !== "number" ||
      !Number.isFinite(spec.delayMs) ||
      spec.delayMs < 0 ||
      spec.delayMs > MAX_DELAY_MS)
  ) {
    throw new RangeError(
      `fault.delayMs must be a number from 0 to ${MAX_DELAY_MS} (what a timer holds), got ${JSON.stringify(spec.delayMs)}`,
    );
  }
  if (
    spec.status !== undefined &&
    (typeof spec.status !== "number" || !Number.isInteger(spec.status) || spec.status < 200 || spec.status > 599)
  ) {
    throw new RangeError(`fault.status must be an HTTP status from 200 to 599, got ${JSON.stringify(spec.status)}`);
  }
  const outcomes = [spec.status !== undefined, spec.malformed === true, spec.drop === true].filter(Boolean).length;
  if (outcomes > 1) throw new TypeError("a fault may give one of status, malformed and drop");
  if (outcomes === 0 && spec.delayMs === undefined)
    throw new TypeError("a fault needs status, malformed, drop or delayMs");
}

interface FaultEntry {
  spec: FaultSpec;
  id: number;
  seen: number;
  hits: number;
}

/**
 * The sandbox's fault injector: failures that a real provider or network produces now and then (5xx, 429, slow
 * answers, broken JSON, dropped connections), made to happen on the requests a test chooses, so client behaviour
 * under failure can be tested against the same simulators.
 */
export class SandboxFaults {
  #nextId = 1;
  #entries: FaultEntry[] = [];
  /**
   * How far every simulator's lists and searches lag behind its writes: `listLag.set(10_000)` shows a new order in
   * lists only after 10 s of sandbox time (see {@link ListLag}). `0` by default.
   */
  readonly listLag = new ListLag();

  /** Adds a fault and returns its id (for {@link SandboxFaults.remove}). Throws on a fault that makes no sense. */
  add(spec: FaultSpec): number {
    checkSpec(spec);
    const id = this.#nextId++;
    this.#entries.push({ spec: { ...spec }, id, seen: 0, hits: 0 });
    return id;
  }

  /** Removes one fault; `false` when there was none with that id. */
  remove(id: number): boolean {
    const before = this.#entries.length;
    this.#entries = this.#entries.filter((entry) => entry.id !== id);
    return this.#entries.length < before;
  }

  /** Removes every fault, and the list lag. */
  clear(): void {
    this.#entries = [];
    this.listLag.clear();
  }

  /** The faults in place, oldest first. */
  list(): ActiveFault[] {
    return this.#entries.map(({ spec, id, seen, hits }) => ({ ...spec, id, seen, hits }));
  }

  /**
   * Counts the request against every fault it matches and applies the oldest one that hits it: waits its delay,
   * then returns the answer to give instead of the simulator's, or `undefined` to let the simulator answer.
   */
  async apply(target: FaultTarget, signal?: AbortSignal): Promise<Response | undefined> {
    let hit: FaultSpec | undefined;
    for (const entry of this.#entries) {
      const { spec } = entry;
      if (spec.provider !== undefined && spec.provider !== target.provider) continue;
      if (spec.method !== undefined && spec.method !== target.method.toUpperCase()) continue;
      if (spec.route !== undefined && spec.route !== target.route) continue;
      entry.seen += 1;
      const from = spec.from ?? 1;
      const inRange = entry.seen >= from && (spec.times === undefined || entry.seen < from + spec.times);
      if (inRange && hit === undefined) {
        entry.hits += 1;
        hit = spec;
      }
    }
    if (!hit) return undefined;
    if (hit.delayMs) await delay(hit.delayMs);
    if (signal?.aborted) return HttpResponse.error();
    if (hit.drop) return HttpResponse.error();
    if (hit.malformed) {
      return new HttpResponse('{"id": "sandbox-malformed", "status": ', {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    }
    if (hit.status === undefined) return undefined;
    const body = hit.body ?? { message: "Injected fault" };
    return typeof body === "string"
      ? new HttpResponse(body, { status: hit.status, headers: hit.headers })
      : HttpResponse.json(body as never, { status: hit.status, headers: hit.headers });
  }
}
