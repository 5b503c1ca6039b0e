import { CertkitError } from "@certkit/runtime";
import type { CertificateWebhookEvent, WebhookAccount, WebhookActor } from "./generated/schema.js";

/** The name of a certificate event this package types: one of the six DNSimple documents. */
export type DnsimpleCertificateEventName = CertificateWebhookEvent["name"];

/** The six certificate event names, in the order DNSimple documents them. */
export const DNSIMPLE_CERTIFICATE_EVENT_NAMES = [
  "certificate.issue",
  "certificate.reissue",
  "certificate.remove_private_key",
  "certificate.auto_renewal_enable",
  "certificate.auto_renewal_disable",
  "certificate.auto_renewal_failed",
] as const satisfies readonly DnsimpleCertificateEventName[];

/**
 * A certificate event, typed from the spec: `data.certificate` is a `Certificate`. `known` is `true`; check it first,
 * then narrow on `name`.
 */
export type DnsimpleCertificateEvent = CertificateWebhookEvent & { readonly known: true };

/**
 * Any other event posted to the webhook URL (domains, records, contacts, ... or a certificate event added after this
 * package). Its envelope was checked; its `data` was not, so it is `unknown`.
 */
export interface DnsimpleUnknownEvent {
  /** `false`: the name is not one of {@link DNSIMPLE_CERTIFICATE_EVENT_NAMES}. */
  readonly known: false;
  /** The event name as DNSimple sent it, e.g. `domain.create`. */
  name: string;
  /** The API version of the payload (`v2`). */
  api_version: string;
  /** Unique per event and the same on every delivery of it: the key to deduplicate on. */
  request_identifier: string;
  /** The account the event happened in. */
  account: WebhookAccount;
  /** Who caused the event; `id` is always a string (see {@link parseDnsimpleWebhook}). */
  actor: WebhookActor;
  /** The event's resources, in a shape this package does not know. */
  data: unknown;
}

/**
 * What {@link parseDnsimpleWebhook} returns. `known` tells the two kinds apart: a TypeScript union cannot exclude an
 * open `name: string` member when comparing `name` with a literal, so `if (event.known)` comes first and then
 * `switch (event.name)` narrows to each certificate event (and is checked for exhaustiveness).
 */
export type DnsimpleWebhookEvent = DnsimpleCertificateEvent | DnsimpleUnknownEvent;

const PROVIDER = "dnsimple";
const CERTIFICATE_EVENT_NAMES: ReadonlySet<string> = new Set(DNSIMPLE_CERTIFICATE_EVENT_NAMES);

type JsonObject = Record<string, unknown>;

// Messages name the field and what was wrong, never the value: a payload may hold anything, and logs keep messages.
function invalid(message: string): CertkitError {
  return new CertkitError({ code: "INVALID_INPUT", provider: PROVIDER, message: `${PROVIDER}: ${message}` });
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function field(object: JsonObject, path: string, key: string): unknown {
  const value = object[key];
  if (value === undefined || value === null) throw invalid(`webhook field "${path}" is missing`);
  return value;
}

function objectField(object: JsonObject, path: string, key: string): JsonObject {
  const value = field(object, path, key);
  if (!isObject(value)) throw invalid(`webhook field "${path}" must be an object`);
  return value;
}

function stringField(object: JsonObject, path: string, key: string): string {
  const value = field(object, path, key);
  if (typeof value !== "string" || value === "") throw invalid(`webhook field "${path}" must be a non-empty string`);
  return value;
}

function integerField(object: JsonObject, path: string, key: string): number {
  const value = field(object, path, key);
  if (!Number.isSafeInteger(value)) throw invalid(`webhook field "${path}" must be an integer`);
  return value as number;
}

/** The body as a JSON value: text and bytes are parsed, anything else is taken as already parsed. */
function readJson(body: unknown): unknown {
  let text: string;
  if (typeof body === "string") {
    text = body;
  } else if (body instanceof Uint8Array || body instanceof ArrayBuffer) {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    } catch {
      throw invalid("webhook body is not UTF-8 text");
    }
  } else {
    return body;
  }
  try {
    return JSON.parse(text);
  } catch {
    // The parser's own message quotes the body, so it is not kept as the cause either.
    throw invalid("webhook body is not valid JSON");
  }
}

/** A string field that may be empty (DNSimple sends `""` where a system, not a person, acted). */
function textField(object: JsonObject, path: string, key: string): string {
  const value = field(object, path, key);
  if (typeof value !== "string") throw invalid(`webhook field "${path}" must be a string`);
  return value;
}

/**
 * `actor.id` is a string in real payloads although a published schema says integer: a user's id as text
 * (`"109237"`), `"system"` for DNSimple's automation, and `""` for system events (`dnssec.rotation_start`,
 * `account.sso_user_add`, ...). Every string and every finite number is taken, as a string.
 */
function readActor(envelope: JsonObject): WebhookActor {
  const actor = objectField(envelope, "actor", "actor");
  const id = field(actor, "actor.id", "id");
  if (typeof id !== "string" && !(typeof id === "number" && Number.isFinite(id))) {
    throw invalid(`webhook field "actor.id" must be a string or a number`);
  }
  return {
    ...actor,
    id: String(id),
    entity: textField(actor, "actor.entity", "entity"),
    pretty: textField(actor, "actor.pretty", "pretty"),
  };
}

function readAccount(envelope: JsonObject): WebhookAccount {
  const account = objectField(envelope, "account", "account");
  return {
    ...account,
    id: integerField(account, "account.id", "id"),
    display: stringField(account, "account.display", "display"),
    identifier: stringField(account, "account.identifier", "identifier"),
  };
}

/** Checks what a certificate event's handler needs to re-fetch the certificate: its id and its domain's id. */
function checkCertificateData(data: JsonObject): void {
  const certificate = objectField(data, "data.certificate", "certificate");
  integerField(certificate, "data.certificate.id", "id");
  integerField(certificate, "data.certificate.domain_id", "domain_id");
}

/**
 * Reads a webhook delivery from DNSimple into a typed event. It takes the raw request body (a string, or bytes such
 * as a Node `Buffer`) or the JSON a framework has already parsed, so it works behind any HTTP server.
 *
 * The envelope (`name`, `api_version`, `request_identifier`, `data`, `account`, `actor`) is checked for every event.
 * The six certificate events come back with `known: true` and `data.certificate` typed as a `Certificate` (its `id`
 * and `domain_id` are checked; other fields are passed on as sent). Any other name is kept, with `known: false` and
 * `data: unknown`, so that a handler decides what to ignore. `actor.id` is normalised to a string: real payloads
 * send `"system"`, `"2020"` or, for system events, `""`; a published schema says integer; all are accepted. Fields
 * this package does not know are kept.
 *
 * DNSimple does not sign its payloads and delivers at least once, in no order: skip a `request_identifier` already
 * handled, and fetch the certificate by id from the API before acting on it.
 *
 * @param body The request body: text, bytes, or already-parsed JSON.
 * @throws CertkitError `INVALID_INPUT` (provider `dnsimple`) when the body is not JSON, not an object, lacks an
 * envelope field or has one of the wrong type, or is a certificate event without a `data.certificate` object. The
 * message names the field, never the payload.
 * @example
 * ```ts
 * const event = parseDnsimpleWebhook(await request.text());
 * if (event.known && event.name === "certificate.issue") console.log(event.data.certificate.id);
 * ```
 */
export function parseDnsimpleWebhook(body: unknown): DnsimpleWebhookEvent {
  const envelope = readJson(body);
  if (!isObject(envelope)) throw invalid("webhook body must be a JSON object");
  const name = stringField(envelope, "name", "name");
  const common = {
    ...envelope,
    name,
    api_version: stringField(envelope, "api_version", "api_version"),
    request_identifier: stringField(envelope, "request_identifier", "request_identifier"),
    account: readAccount(envelope),
    actor: readActor(envelope),
  };
  const data = objectField(envelope, "data", "data");
  if (!CERTIFICATE_EVENT_NAMES.has(name)) return { ...common, known: false, data };
  checkCertificateData(data);
  // The checks above cover what a handler relies on; the rest of the certificate is DNSimple's, as the spec types it.
  return { ...common, known: true, data } as DnsimpleCertificateEvent;
}
