import {
  startCall,
  type Call,
  type CallInit,
  type ClientContext,
  type OutgoingRequest,
  type Send,
} from "../../src/call.js";
import type { ClientEvent } from "../../src/client-events.js";
import { createRedactor } from "../../src/redact.js";
import { DEFAULT_RETRY } from "../../src/retry-policy.js";
import { fakeClock, SECRET } from "./example-api.js";

/** A client's shared state for one step under test: the example API's names, a fake clock, events kept in `events`. */
export function testContext(overrides: Partial<ClientContext> = {}) {
  const events: ClientEvent[] = [];
  const { clock, sleeps } = fakeClock();
  const context: ClientContext = {
    provider: "example",
    apiName: "Example API",
    clock,
    redactor: createRedactor([SECRET]),
    emit: (event) => events.push(event),
    maxResponseBytes: 1024,
    maxConcurrency: 10,
    rateLimit: undefined,
    ...overrides,
  };
  return { context, events, sleeps };
}

/** A call of `context`: a GET of `/orders/{id}` unless `init` says otherwise. */
export function testCall(context: ClientContext, init: Partial<CallInit> = {}): Call {
  return startCall(context, {
    method: "GET",
    path: "/orders/{id}",
    parseAs: "json",
    retry: DEFAULT_RETRY,
    timeoutMs: 1_000,
    fetch: undefined,
    ...init,
  });
}

/** A `next` that answers each request with the next of `answers` (the last repeats), recording what it was sent. */
export function scripted(...answers: (Response | Error | (() => Response | Promise<Response>))[]) {
  const requests: OutgoingRequest[] = [];
  const next: Send = async (request) => {
    const answer = answers[Math.min(requests.length, answers.length - 1)];
    requests.push(request);
    if (answer instanceof Error) throw answer;
    return typeof answer === "function" ? answer() : answer!.clone();
  };
  return { next, requests };
}

/** A request to the example API. */
export const orderRequest = (init: RequestInit = {}) => new Request("https://api.example.test/v1/orders/o-1", init);
