import { describe, expect, it } from "vitest";
import { createRedactor, credentialsIn } from "../src/index.js";
import { MAX_LEARNT_SECRETS, MAX_VALUE_DEPTH } from "../src/redact.js";

const PEM_KEY = [
  "-----BEGIN PRIVATE KEY-----",
  "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7",
  "-----END PRIVATE KEY-----",
].join("\n");

describe("createRedactor", () => {
  const redactor = createRedactor(["tok_abcdef123456", "hunter22", undefined, "", "ab"]);

  it("removes every known secret from text", () => {
    expect(redactor.text("token tok_abcdef123456 and again tok_abcdef123456, password hunter22")).toBe(
      "token [REDACTED] and again [REDACTED], password [REDACTED]",
    );
  });

  it("ignores empty and very short secrets, which would blank ordinary words", () => {
    expect(redactor.text("a fabulous absence")).toBe("a fabulous absence");
  });

  it("removes a secret that contains another one whole", () => {
    const nested = createRedactor(["abcd", "xxabcdyy"]);
    expect(nested.text("key=xxabcdyy")).toBe("key=[REDACTED]");
  });

  it("removes PEM private keys of any kind, even when cut off", () => {
    const rsa = PEM_KEY.replaceAll("PRIVATE KEY", "RSA PRIVATE KEY");
    expect(redactor.text(`before\n${PEM_KEY}\nafter`)).toBe("before\n[REDACTED]\nafter");
    expect(redactor.text(rsa)).toBe("[REDACTED]");
    expect(redactor.text("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI")).toBe("[REDACTED]");
  });

  it("leaves certificates and CSRs alone", () => {
    const cert = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
    expect(redactor.text(cert)).toBe(cert);
  });

  it("copies JSON values deeply, removing secrets and credential-named string fields", () => {
    const input = {
      message: "bad key tok_abcdef123456",
      api_key: "anything",
      accessToken: "anything",
      private_key: PEM_KEY,
      errors: { password: ["is too short"], name: ["hunter22 is taken"] },
      nested: [{ secret: "s" }, 42, null, true],
      footprint: "kept",
    };
    expect(redactor.value(input)).toEqual({
      message: "bad key [REDACTED]",
      api_key: "[REDACTED]",
      accessToken: "[REDACTED]",
      private_key: "[REDACTED]",
      errors: { password: ["is too short"], name: ["[REDACTED] is taken"] },
      nested: [{ secret: "[REDACTED]" }, 42, null, true],
      footprint: "kept",
    });
    expect(input.api_key).toBe("anything");
  });

  it("removes a secret URL-encoded (either case of escapes, + for spaces), JSON-escaped, in lower case, and base64 at any offset", () => {
    const secret = "Key+With/Odd chars=9Zq";
    const redact = createRedactor([secret]).text;
    const encoded = encodeURIComponent(secret);
    const echoes = [
      encoded,
      encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
      encoded.replace(/%20/g, "+"),
      JSON.stringify(secret).slice(1, -1),
      secret.toLowerCase(),
      btoa(secret),
      btoa(`x${secret}`),
      btoa(`xy${secret}tail`),
      btoa(`Basic me:${secret}`).replace(/\+/g, "-").replace(/\//g, "_"),
      // A URL parser lowers a host name: base64 in one loses its case.
      btoa(secret).replace(/\+/g, "-").replace(/\//g, "_").toLowerCase(),
      btoa(`xy${secret}`).toLowerCase(),
    ];
    for (const echo of echoes) {
      const shown = redact(`before ${echo} after`);
      expect(shown, echo).toContain("[REDACTED]");
      for (let at = 0; at + 8 <= secret.length; at++) expect(shown, echo).not.toContain(secret.slice(at, at + 8));
    }
  });

  it("removes a run of half a secret or more: an echo cut off, or encoded in a way it does not know", () => {
    const secret = "a8Fk2Lq9Zx7Wm3Np";
    const redact = createRedactor([secret]).text;
    expect(redact(`key ${secret.slice(0, 9)}…`)).toBe("key [REDACTED]…");
    expect(redact(`key ${secret.slice(0, 7)}…`)).toBe(`key ${secret.slice(0, 7)}…`);
    expect(redact(`key ${secret.slice(0, 6)}%2F${secret.slice(6)}`)).toBe(`key ${secret.slice(0, 6)}%2F[REDACTED]`);
  });

  it("leaves the words a readable credential shares with ordinary text", () => {
    const redact = createRedactor(["sandbox.ionos-ssl-api-key"]).text;
    expect(redact("GET https://sandbox.example.test/ionos-ssl/v1/certificates")).toBe(
      "GET https://sandbox.example.test/ionos-ssl/v1/certificates",
    );
    expect(redact("key sandbox.ionos-ssl-api-key")).toBe("key [REDACTED]");
  });

  it("removes secrets from object keys, and cuts values nested deeper than MAX_VALUE_DEPTH", () => {
    const redactor = createRedactor(["tok_abcdef123456"]);
    expect(redactor.value({ tok_abcdef123456: "kept", "for tok_abcdef123456": 1 })).toEqual({
      "[REDACTED]": "kept",
      "for [REDACTED]": 1,
    });
    let deep: unknown = "bottom";
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    const copied = redactor.value(deep);
    let depth = 0;
    for (let at: unknown = copied; typeof at === "object" && at !== null; at = (at as { next: unknown }).next) depth++;
    expect(depth).toBe(MAX_VALUE_DEPTH);
    expect(() => JSON.stringify(copied)).not.toThrow();
  });

  it("learns secrets at run time, keeping only the latest MAX_LEARNT_SECRETS besides the ones it was given", () => {
    const redactor = createRedactor(["given-secret"]);
    // Tokens with nothing in common, as real ones are: a shared 8-character piece would be removed from all of them.
    const tokens = Array.from({ length: MAX_LEARNT_SECRETS + 1 }, (_, i) =>
      `t${i}-`.padEnd(12, String.fromCharCode(97 + i)),
    );
    for (const token of tokens) redactor.add([token]);
    expect(redactor.text(`given-secret ${tokens.at(-1)} ${tokens[1]}`)).toBe("[REDACTED] [REDACTED] [REDACTED]");
    expect(redactor.text(tokens[0]!)).toBe(tokens[0]);
  });

  it("keeps a secret it was given when the same one is learnt and then forgotten", () => {
    const redactor = createRedactor(["given-secret-1234"]);
    redactor.add(["given-secret-1234", "first-token-abcd"]);
    for (let i = 0; i < MAX_LEARNT_SECRETS; i++) redactor.add([`token-${i}-`.padEnd(16, String.fromCharCode(97 + i))]);
    expect(redactor.text("given-secret-1234 first-token-abcd")).toBe("[REDACTED] first-token-abcd");
  });

  it("keeps redacting a secret it was given after the same one, learnt twice in one call, is forgotten", () => {
    const redactor = createRedactor(["given-api-key-0123"]);
    redactor.add(["given-api-key-0123", "token-zy-abcdefgh"]);
    redactor.add(["given-api-key-0123", "given-api-key-0123", "token-zz-abcdefgh"]);
    // Both copies leave in one call.
    redactor.add(
      Array.from({ length: MAX_LEARNT_SECRETS }, (_, i) => `token-${i}-`.padEnd(16, String.fromCharCode(97 + i))),
    );
    expect(redactor.text("key=given-api-key-0123")).toBe("key=[REDACTED]");
  });

  it("learns long tokens one by one, and forgets the oldest whole while keeping the others", () => {
    const redactor = createRedactor([]);
    // Tokens of 8,192 random letters (a fixed seed): no 8-character piece in common, as real ones have none.
    let seed = 42;
    const letter = () => String.fromCharCode(97 + ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 26));
    const tokens = Array.from({ length: MAX_LEARNT_SECRETS + 1 }, () => Array.from({ length: 8192 }, letter).join(""));
    for (const token of tokens) redactor.add([token]);
    expect(redactor.text(`a ${tokens[1]!.slice(4000, 4040)} b ${tokens.at(-1)} c`)).toBe("a [REDACTED] b [REDACTED] c");
    expect(redactor.text(tokens[0]!.slice(0, 64))).toBe(tokens[0]!.slice(0, 64));
  });
});

describe("credentialsIn", () => {
  it("finds every string under a field named like a credential, at any depth, and nothing else", () => {
    const options = {
      apiKey: "key-1",
      baseUrl: "https://api.example.test",
      oidc: { clientId: "client", clientSecret: "secret-2" },
      accounts: [{ token: "tok-3", name: "main" }],
      password: 42,
      contacts: { owner_email: "owner@example.test" },
    };
    expect(credentialsIn(options)).toEqual(["key-1", "secret-2", "tok-3"]);
    expect(credentialsIn("apiKey")).toEqual([]);
    expect(credentialsIn(null)).toEqual([]);
  });
});
