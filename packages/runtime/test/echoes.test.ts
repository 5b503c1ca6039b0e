import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import type { ClientEvent } from "../src/index.js";
import { expectNoSecret } from "@certkit/test-kit";
import { BASE_URL, exampleClient, fakeClock, SECRET, useServer } from "./support/example-api.js";

const server = useServer();

/** The secret in every form a provider (or its gateway) may echo it in. */
const forms = {
  plain: SECRET,
  lower: SECRET.toLowerCase(),
  urlEncoded: encodeURIComponent(`${SECRET} /+`),
  base64: btoa(`Bearer ${SECRET}`),
  base64Url: btoa(`x${SECRET}yz`).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""),
  truncated: `${SECRET.slice(0, 12)}…`,
  jsonEscaped: JSON.stringify(SECRET).slice(1, -1),
};
const echoed = Object.values(forms).join(" | ");

describe("an error whose every field echoes the secret", () => {
  it("shows no piece of it anywhere: message, body (values and keys), fields, codes, request id, status text, cause, events", async () => {
    server.use(
      http.get(`${BASE_URL}/orders/:id`, () =>
        HttpResponse.json(
          {
            error: `bad key ${echoed}`,
            code: `E-${SECRET}`,
            fields: { [SECRET]: [echoed], [`key ${forms.base64}`]: ["x"] },
            nested: { deeper: [{ value: echoed }] },
          },
          { status: 403, statusText: `Forbidden ${SECRET}`, headers: { "X-Request-Id": `req-${SECRET}` } },
        ),
      ),
    );
    const events: ClientEvent[] = [];
    const client = exampleClient(fakeClock().clock, {
      onEvent: (event) => events.push(event),
      describeError: (body) => {
        const { error, code, fields } = body as { error: string; code: string; fields: Record<string, string[]> };
        return { message: error, providerCode: code, fieldErrors: fields };
      },
    });
    const { error } = await client.GET("/orders/{id}", { params: { path: { id: "o-1" } } });
    expect(error).toMatchObject({
      code: "AUTH",
      status: 403,
      requestId: "req-[REDACTED]",
      providerCode: "E-[REDACTED]",
    });
    expect(error?.message).toMatch(
      /^Example API: GET \/orders\/\{id\} failed with HTTP 403 Forbidden \[REDACTED\] \(E-\[REDACTED\]\): bad key /,
    );
    expectNoSecret(SECRET, error, events);
  });

  it("keeps a text body's echoes out too, including one cut in two by the 2,048-character limit", async () => {
    const page = `${"x".repeat(2048 - 10)}${SECRET} and ${echoed}`;
    server.use(http.get(`${BASE_URL}/orders/:id`, () => HttpResponse.text(page, { status: 502 })));
    const { error } = await exampleClient(fakeClock().clock, { retry: false }).GET("/orders/{id}", {
      params: { path: { id: "o-1" } },
    });
    expect(error?.body as string).toMatch(/… \[truncated\]$/);
    expectNoSecret(SECRET, error);
  });

  it("keeps a network failure's echo out of the message and the cause", async () => {
    const failing = exampleClient(fakeClock().clock, {
      retry: false,
      fetch: () =>
        Promise.reject(
          new TypeError(`connect failed for https://api.example.test/?k=${forms.urlEncoded} (${forms.base64})`),
        ),
    });
    const error = await failing.GET("/orders/{id}", { params: { path: { id: "o-1" } } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "NETWORK" });
    expectNoSecret(SECRET, error);
  });
});
