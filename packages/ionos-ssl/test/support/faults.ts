import { inspect } from "node:util";
import { expect } from "vitest";
import type { Transport } from "@certkit/runtime";
import { createIonosSslClient, type ClientEvent } from "../../src/index.js";
import { CERTIFICATE_ID, pendingCertificate } from "./fixtures.js";

/** The API key of the fault tests: it must never show up in anything a failure produces. */
export const FAULT_API_KEY = "pubprefix.FAULT-SECRET-7c1e-4b2a";
/** A private key a broken server might echo: it must never show up either. */
export const PRIVATE_KEY_PEM = [
  "-----BEGIN PRIVATE KEY-----",
  "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDFAULTKEYMATERIAL",
  "-----END PRIVATE KEY-----",
].join("\n");

/** An answer a faulty server sends. */
export interface FaultAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** What a faulty server does with one request: answer it, or break the connection in one of four ways. */
export type FaultAction =
  | FaultAnswer
  | "reset" // the connection is reset before any answer
  | "hang" // the request is never answered
  | "cut" // headers and part of the body arrive, then the connection closes
  | "endless"; // a 2xx whose body never ends

/** Where a redirect of the matrix points: each harness puts the URL of a second server, which must receive nothing. */
export const ELSEWHERE = "{elsewhere}";

/** The answer limit of the fault client: an endless body passes it in a few milliseconds. */
export const FAULT_MAX_RESPONSE_BYTES = 64 * 1024;

/** A read (`GET /v1/certificates/{id}`, 200) or a write (`POST /v1/certificates`, 202). */
export type CallKind = "read" | "write";
/** The status of a successful read or write, which an endless body is sent with too. */
export const success = (kind: CallKind) => (kind === "read" ? 200 : 202);

/** What the caller ends with, and how many requests reached the server. */
export interface Expected {
  requests: number;
  /**
   * The count is a most, not an exact figure: where the client's own limit ends the try, whether the request reached
   * the server first is a race the machine's load decides. What matters is that it is never sent again.
   */
  requestsAtMost?: true;
  data?: Record<string, unknown>;
  error?: Record<string, unknown>;
}

/** One row of the fault matrix. */
export interface Fault {
  name: string;
  /** What the server does with the `n`-th request (from 1) of a read or a write. */
  action: (n: number, kind: CallKind) => FaultAction;
  /** The outcome of a read (`GET /v1/certificates/{id}`) and of a write (`POST /v1/certificates`). */
  read: Expected;
  write: Expected;
  /**
   * The client's limit on each try, when the row is about it. The others get {@link FAULT_TIMEOUT_MS}, far longer
   * than any answer on loopback takes even on a machine whose cores are all busy: a timeout must never decide them.
   */
  timeoutMs?: number;
}

/** The limit on each try of every row that is not about timeouts. */
export const FAULT_TIMEOUT_MS = 10_000;

const json = { "Content-Type": "application/json" };
const ionosError = (status: number, message: string): FaultAnswer => ({
  status,
  headers: json,
  body: JSON.stringify({ code: "ERROR", message: `${message} (key ${FAULT_API_KEY})` }),
});
const ok = (status: number, body: unknown): FaultAction => ({ status, headers: json, body: JSON.stringify(body) });

const created = { ...pendingCertificate, status: "PENDING" };
const unknownEffect = { retryable: false, effectUnknown: true };

/** The faults of the runtime README's matrix, each with its outcome for a read and for a write. */
export const FAULTS: Fault[] = [
  {
    name: "429 with Retry-After: 1, then success",
    action: (n, kind) =>
      n === 1
        ? { ...ionosError(429, "Too many requests"), headers: { ...json, "Retry-After": "1" } }
        : ok(success(kind), created),
    read: { requests: 2, data: { id: CERTIFICATE_ID } },
    write: { requests: 2, data: { id: CERTIFICATE_ID } },
  },
  {
    name: "500",
    action: () => ionosError(500, "Internal error"),
    read: { requests: 3, error: { code: "PROVIDER", status: 500, providerCode: "ERROR", retryable: true } },
    write: { requests: 1, error: { code: "PROVIDER", status: 500, ...unknownEffect } },
  },
  {
    name: "502 with an HTML body",
    action: () => ({
      status: 502,
      headers: { "Content-Type": "text/html" },
      body: `<html><body><h1>502 Bad Gateway</h1><pre>X-API-Key: ${FAULT_API_KEY}\n${PRIVATE_KEY_PEM}</pre></body></html>`,
    }),
    read: {
      requests: 3,
      error: { code: "PROVIDER", status: 502, retryable: true, body: expect.stringMatching(/^<html>/) },
    },
    write: { requests: 1, error: { code: "PROVIDER", status: 502, ...unknownEffect } },
  },
  {
    name: "503",
    action: () => ionosError(503, "Service unavailable"),
    read: { requests: 3, error: { code: "PROVIDER", status: 503, retryable: true } },
    write: { requests: 1, error: { code: "PROVIDER", status: 503, ...unknownEffect } },
  },
  {
    name: "connection reset",
    action: () => "reset",
    read: { requests: 3, error: { code: "NETWORK", retryable: true, effectUnknown: false } },
    write: { requests: 1, error: { code: "NETWORK", ...unknownEffect } },
  },
  {
    name: "server never answers",
    action: () => "hang",
    timeoutMs: 300,
    read: { requests: 1, requestsAtMost: true, error: { code: "TIMEOUT", retryable: true } },
    write: { requests: 1, requestsAtMost: true, error: { code: "TIMEOUT", ...unknownEffect } },
  },
  {
    name: "truncated JSON (complete HTTP message)",
    action: (_, kind) => ({
      status: success(kind),
      headers: json,
      body: `{"id": "${CERTIFICATE_ID}", "note": "${FAULT_API_KEY}`,
    }),
    read: { requests: 3, error: { code: "PROVIDER", status: 200, retryable: true } },
    write: { requests: 1, error: { code: "PROVIDER", status: 202, ...unknownEffect } },
  },
  {
    name: "connection closed mid-body",
    action: () => "cut",
    read: { requests: 3, error: { code: "NETWORK", retryable: true } },
    write: { requests: 1, error: { code: "NETWORK", ...unknownEffect } },
  },
  {
    name: "empty 2xx body",
    action: (_, kind) => ({ status: success(kind), headers: json, body: "" }),
    read: {
      requests: 3,
      error: { code: "PROVIDER", status: 200, retryable: true, message: expect.stringContaining("with an empty body") },
    },
    write: { requests: 1 },
  },
  {
    name: "302 to another origin",
    action: () => ({ status: 302, headers: { Location: `${ELSEWHERE}/taken?key=${FAULT_API_KEY}` } }),
    read: {
      requests: 1,
      error: {
        code: "PROVIDER",
        status: 302,
        retryable: false,
        message: expect.stringContaining("which is never followed"),
      },
    },
    write: { requests: 1, error: { code: "PROVIDER", status: 302, ...unknownEffect } },
  },
  {
    name: "2xx body over maxResponseBytes",
    action: () => "endless",
    read: {
      requests: 1,
      error: {
        code: "PROVIDER",
        status: 200,
        retryable: false,
        message: expect.stringContaining("(maxResponseBytes)"),
      },
    },
    write: { requests: 1, error: { code: "PROVIDER", status: 202, ...unknownEffect } },
  },
  {
    name: "200 with unknown fields and enum values",
    action: (_, kind) => ok(success(kind), { ...created, status: "SUSPENDED_BY_CA", futureField: { nested: [1, 2] } }),
    read: { requests: 1, data: { status: "SUSPENDED_BY_CA", futureField: { nested: [1, 2] } } },
    write: { requests: 1, data: { status: "SUSPENDED_BY_CA", futureField: { nested: [1, 2] } } },
  },
];

/** An IONOS client with fast backoff, recording its events, for one row; on fetch unless given a transport. */
export function faultClient(baseUrl: string, events: ClientEvent[], fault: Fault, transport?: Transport) {
  return createIonosSslClient({
    apiKey: FAULT_API_KEY,
    baseUrl,
    transport,
    retry: { baseDelayMs: 5 },
    timeoutMs: fault.timeoutMs ?? FAULT_TIMEOUT_MS,
    maxResponseBytes: FAULT_MAX_RESPONSE_BYTES,
    onEvent: (event) => events.push(event),
  });
}

/** Makes the call of the given kind, and returns what the caller sees: data, a returned error, or a thrown one. */
export async function callUnderFault(client: ReturnType<typeof faultClient>, kind: CallKind) {
  try {
    const result =
      kind === "read"
        ? await client.GET("/v1/certificates/{id}", { params: { path: { id: CERTIFICATE_ID } } })
        : await client.POST("/v1/certificates", {
            body: { certificateType: "SSL_STARTER", commonName: "shop.example.test" },
          });
    return { data: result.data as Record<string, unknown> | undefined, error: result.error as unknown };
  } catch (thrown) {
    return { data: undefined, error: thrown };
  }
}

/** Checks the outcome against the row, and that no rendering of it, or of the events, holds a secret. */
export function expectOutcome(
  outcome: { data: Record<string, unknown> | undefined; error: unknown },
  expected: Expected,
  requests: number,
  events: ClientEvent[],
) {
  if (expected.requestsAtMost) expect(requests).toBeLessThanOrEqual(expected.requests);
  else expect(requests).toBe(expected.requests);
  if (expected.error) {
    expect(outcome.data).toBeUndefined();
    expect(outcome.error).toMatchObject({ name: "CertkitError", provider: "ionos-ssl", ...expected.error });
  } else {
    expect(outcome.error).toBeUndefined();
    if (expected.data) expect(outcome.data).toMatchObject(expected.data);
    else expect(outcome.data).toBeUndefined();
  }
  const error = outcome.error as (Error & { cause?: unknown }) | undefined;
  const renderings = [
    error?.message,
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: Infinity, showHidden: true }),
    error?.stack,
    inspect(error?.cause, { depth: Infinity, showHidden: true }),
    JSON.stringify(events),
    inspect(events, { depth: Infinity }),
  ].join("\n");
  expect(renderings).not.toContain("FAULT-SECRET");
  expect(renderings).not.toContain("FAULTKEYMATERIAL");
}
