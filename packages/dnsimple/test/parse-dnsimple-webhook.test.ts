import { describe, expect, it } from "vitest";
import {
  CertkitError,
  DNSIMPLE_CERTIFICATE_EVENT_NAMES,
  parseDnsimpleWebhook,
  type DnsimpleWebhookEvent,
} from "../src/index.js";
import { ACCOUNT_ID, issuedCertificate } from "./support/fixtures.js";

const REQUEST_ID = "5f0c8a4e-2b1d-4c3e-9f8a-7b6c5d4e3f2a";
// A value that must never reach an error message: messages name fields, not payloads.
const MARKER = "PAYLOAD-MARKER-9c1f";

/** A delivery as DNSimple posts it, with `actor.id` a string as in real payloads. */
function delivery(name: string, data: unknown = { certificate: issuedCertificate }): Record<string, unknown> {
  return {
    name,
    api_version: "v2",
    request_identifier: REQUEST_ID,
    data,
    account: { id: ACCOUNT_ID, display: "Example Ltd", identifier: "example-ltd" },
    actor: { id: "system", entity: "dnsimple", pretty: "DNSimple" },
  };
}

function rejection(body: unknown): CertkitError {
  try {
    parseDnsimpleWebhook(body);
  } catch (error) {
    expect(error).toBeInstanceOf(CertkitError);
    return error as CertkitError;
  }
  throw new Error("parseDnsimpleWebhook accepted a malformed payload");
}

describe("parseDnsimpleWebhook: certificate events", () => {
  it("lists the six certificate events of the spec", () => {
    expect(DNSIMPLE_CERTIFICATE_EVENT_NAMES).toEqual([
      "certificate.issue",
      "certificate.reissue",
      "certificate.remove_private_key",
      "certificate.auto_renewal_enable",
      "certificate.auto_renewal_disable",
      "certificate.auto_renewal_failed",
    ]);
  });

  it.each(DNSIMPLE_CERTIFICATE_EVENT_NAMES.map((name) => [name]))("reads %s from the raw body", (name) => {
    const event = parseDnsimpleWebhook(JSON.stringify(delivery(name)));
    expect(event).toEqual({ ...delivery(name), known: true });
    if (!event.known) throw new Error("expected a certificate event");
    expect(event.name).toBe(name);
    expect(event.data.certificate.id).toBe(issuedCertificate.id);
    expect(event.data.certificate.domain_id).toBe(issuedCertificate.domain_id);
    expect(event.request_identifier).toBe(REQUEST_ID);
  });

  it.each(DNSIMPLE_CERTIFICATE_EVENT_NAMES.map((name) => [name]))("reads %s from already-parsed JSON", (name) => {
    const event = parseDnsimpleWebhook(delivery(name));
    expect(event).toMatchObject({ known: true, name, data: { certificate: { common_name: "www.example.com" } } });
  });

  it("narrows on name once known is checked", () => {
    const event: DnsimpleWebhookEvent = parseDnsimpleWebhook(delivery("certificate.auto_renewal_failed"));
    let handled = "";
    if (event.known) {
      switch (event.name) {
        case "certificate.issue":
        case "certificate.reissue":
          handled = `download ${event.data.certificate.id}`;
          break;
        case "certificate.remove_private_key":
        case "certificate.auto_renewal_enable":
        case "certificate.auto_renewal_disable":
          handled = "note";
          break;
        case "certificate.auto_renewal_failed":
          handled = `renew ${event.data.certificate.common_name} by hand`;
          break;
      }
    }
    expect(handled).toBe("renew www.example.com by hand");
  });

  it("reads bytes: a Node Buffer, a Uint8Array or an ArrayBuffer of UTF-8", () => {
    const text = JSON.stringify({
      ...delivery("certificate.issue"),
      account: { id: 1, display: "Müller · Ltd", identifier: "m" },
    });
    const bytes = new TextEncoder().encode(text);
    for (const body of [Buffer.from(text, "utf8"), bytes, bytes.buffer.slice(0, bytes.byteLength)]) {
      expect(parseDnsimpleWebhook(body)).toMatchObject({ known: true, account: { display: "Müller · Ltd" } });
    }
  });

  // Shapes DNSimple really sends (from the facts of recorded deliveries; the values are this project's own).
  it.each([
    [
      "a system event, whose actor id is empty",
      "dnssec.rotation_start",
      { id: "", entity: "dnsimple", pretty: "support@dnsimple.com" },
      { zone: { id: 1, name: "example.com" } },
    ],
    [
      "another system event",
      "dnssec.rotation_complete",
      { id: "", entity: "dnsimple", pretty: "support@dnsimple.com" },
      { zone: { id: 1, name: "example.com" } },
    ],
    [
      "an account event of a single sign-on user",
      "account.sso_user_add",
      { id: "", entity: "dnsimple", pretty: "support@dnsimple.com" },
      { account: { id: 1 } },
    ],
    [
      "a user's event, whose actor id is a number as text",
      "domain.create",
      { id: "109237", entity: "user", pretty: "jane@example.com" },
      { domain: { id: 1 } },
    ],
    [
      "a certificate event from automation",
      "certificate.issue",
      { id: "system", entity: "dnsimple", pretty: "dnsimple" },
      { certificate: issuedCertificate },
    ],
  ])("accepts %s", (_what, name, actor, data) => {
    const event = parseDnsimpleWebhook(JSON.stringify({ ...delivery(name, data), actor }));
    expect(event.name).toBe(name);
    expect(event.actor).toEqual(actor);
    expect(event.known).toBe(name === "certificate.issue");
  });

  it("turns a numeric actor.id into a string, and keeps a string one as it is", () => {
    const numeric = parseDnsimpleWebhook({
      ...delivery("certificate.issue"),
      actor: { id: 2020, entity: "user", pretty: "jane@example.com" },
    });
    expect(numeric.actor).toEqual({ id: "2020", entity: "user", pretty: "jane@example.com" });
    expect(parseDnsimpleWebhook(delivery("certificate.issue")).actor.id).toBe("system");
  });

  it("keeps fields it does not know, at every level", () => {
    const body = {
      ...delivery("certificate.issue", { certificate: { ...issuedCertificate, future_field: 1 }, extra: true }),
      delivered_at: "2026-03-01T09:12:01Z",
      account: { id: ACCOUNT_ID, display: "Example Ltd", identifier: "example-ltd", plan: "teams" },
    };
    const event = parseDnsimpleWebhook(body);
    expect(event).toMatchObject({
      delivered_at: "2026-03-01T09:12:01Z",
      account: { plan: "teams" },
      data: { extra: true, certificate: { future_field: 1 } },
    });
  });

  it("does not change the object it was given", () => {
    const body = { ...delivery("certificate.issue"), actor: { id: 7, entity: "user", pretty: "p" } };
    const copy = structuredClone(body);
    parseDnsimpleWebhook(body);
    expect(body).toEqual(copy);
  });
});

describe("parseDnsimpleWebhook: other events", () => {
  it.each([
    ["a domain event", "domain.create", { domain: { id: 5001, name: "example.com" } }],
    ["a record event", "record.update", { zone_record: { id: 1, type: "TXT" } }],
    ["a certificate event added after this package", "certificate.revoke", { certificate: { id: 1 } }],
    ["an event with empty data", "webhook.ping", {}],
  ])("keeps %s as an unknown event with its data", (_, name, data) => {
    const event = parseDnsimpleWebhook(JSON.stringify(delivery(name, data)));
    expect(event).toEqual({ ...delivery(name, data), known: false });
    expect(event.known).toBe(false);
    expect(event.name).toBe(name);
    expect(event.data).toEqual(data);
  });

  it("does not check the data of an unknown event beyond its being an object", () => {
    const event = parseDnsimpleWebhook(delivery("contact.delete", { contact: "not an object", certificate: 7 }));
    expect(event).toMatchObject({ known: false, data: { contact: "not an object", certificate: 7 } });
  });
});

describe("parseDnsimpleWebhook: malformed payloads", () => {
  const base = delivery("certificate.issue");
  const without = (key: string) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key));
  const cases: [string, unknown, string][] = [
    ["text that is not JSON", `{"name": "certificate.issue", "secret": "${MARKER}"`, "webhook body is not valid JSON"],
    ["an empty body", "", "webhook body is not valid JSON"],
    ["bytes that are not UTF-8", new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), "webhook body is not UTF-8 text"],
    ["a JSON array", JSON.stringify([base]), "webhook body must be a JSON object"],
    ["a JSON string", JSON.stringify(MARKER), "webhook body must be a JSON object"],
    ["null", null, "webhook body must be a JSON object"],
    ["undefined", undefined, "webhook body must be a JSON object"],
    ["a number", 42, "webhook body must be a JSON object"],
    ["no name", without("name"), 'webhook field "name" is missing'],
    ["an empty name", { ...base, name: "" }, 'webhook field "name" must be a non-empty string'],
    ["a name that is not a string", { ...base, name: 7 }, 'webhook field "name" must be a non-empty string'],
    ["no api_version", without("api_version"), 'webhook field "api_version" is missing'],
    ["no request_identifier", without("request_identifier"), 'webhook field "request_identifier" is missing'],
    [
      "a numeric request_identifier",
      { ...base, request_identifier: 12 },
      'webhook field "request_identifier" must be a non-empty string',
    ],
    ["no data", without("data"), 'webhook field "data" is missing'],
    ["data that is a string", { ...base, data: MARKER }, 'webhook field "data" must be an object'],
    ["data that is a list", { ...base, name: "domain.create", data: [] }, 'webhook field "data" must be an object'],
    ["no account", without("account"), 'webhook field "account" is missing'],
    [
      "an account id that is a string",
      { ...base, account: { id: MARKER, display: "d", identifier: "i" } },
      'webhook field "account.id" must be an integer',
    ],
    [
      "no account display",
      { ...base, account: { id: 1, identifier: "i" } },
      'webhook field "account.display" is missing',
    ],
    [
      "no account identifier",
      { ...base, account: { id: 1, display: "d" } },
      'webhook field "account.identifier" is missing',
    ],
    ["no actor", without("actor"), 'webhook field "actor" is missing'],
    ["an actor that is a string", { ...base, actor: MARKER }, 'webhook field "actor" must be an object'],
    ["no actor id", { ...base, actor: { entity: "user", pretty: "p" } }, 'webhook field "actor.id" is missing'],
    [
      "an actor id that is an object",
      { ...base, actor: { id: { v: MARKER }, entity: "user", pretty: "p" } },
      'webhook field "actor.id" must be a string or a number',
    ],
    [
      "an actor id that is true",
      { ...base, actor: { id: true, entity: "user", pretty: "p" } },
      'webhook field "actor.id" must be a string or a number',
    ],
    [
      "an actor id that is not finite",
      { ...base, actor: { id: Number.NaN, entity: "user", pretty: "p" } },
      'webhook field "actor.id" must be a string or a number',
    ],
    [
      "an actor entity that is a number",
      { ...base, actor: { id: "1", entity: 3, pretty: "p" } },
      'webhook field "actor.entity" must be a string',
    ],
    ["no actor entity", { ...base, actor: { id: "1", pretty: "p" } }, 'webhook field "actor.entity" is missing'],
    ["no actor pretty", { ...base, actor: { id: "1", entity: "user" } }, 'webhook field "actor.pretty" is missing'],
    [
      "a certificate event without data.certificate",
      { ...base, data: { domain: { id: 1 } } },
      'webhook field "data.certificate" is missing',
    ],
    [
      "a certificate event whose certificate is null",
      { ...base, data: { certificate: null } },
      'webhook field "data.certificate" is missing',
    ],
    [
      "a certificate event whose certificate is a string",
      { ...base, data: { certificate: MARKER } },
      'webhook field "data.certificate" must be an object',
    ],
    [
      "a certificate without an id",
      { ...base, data: { certificate: { domain_id: 5001 } } },
      'webhook field "data.certificate.id" is missing',
    ],
    [
      "a certificate whose id is text",
      { ...base, data: { certificate: { id: MARKER, domain_id: 5001 } } },
      'webhook field "data.certificate.id" must be an integer',
    ],
    [
      "a certificate without a domain_id",
      { ...base, data: { certificate: { id: 1 } } },
      'webhook field "data.certificate.domain_id" is missing',
    ],
  ];

  it.each(cases)("rejects %s with INVALID_INPUT naming the field", (_, body, message) => {
    const error = rejection(body);
    expect(error).toMatchObject({ code: "INVALID_INPUT", provider: "dnsimple", retryable: false, status: undefined });
    expect(error.message).toBe(`dnsimple: ${message}`);
    expect(error.message).not.toContain(MARKER);
    expect(JSON.stringify(error)).not.toContain(MARKER);
    expect(error.cause).toBeUndefined();
  });

  it("rejects a malformed certificate event whatever its name, by name", () => {
    for (const name of DNSIMPLE_CERTIFICATE_EVENT_NAMES) {
      expect(rejection(delivery(name, {})).message).toBe('dnsimple: webhook field "data.certificate" is missing');
    }
  });
});
