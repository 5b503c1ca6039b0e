import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { createSslmarketClient } from "../src/index.js";
import { INTERMEDIATE_PEM, ORDER_ID, P7B_BYTES, SERVER_PEM } from "./support/fixtures.js";
import { BASE_URL, requests, server, TOKEN } from "./support/server.js";

const sslmarket = () => createSslmarketClient({ token: TOKEN, baseUrl: BASE_URL });
const DOWNLOAD = `${BASE_URL}/certificate/order_id/:orderId/format/:format`;

/** Answers each format as given, with the Content-Type under test. */
function serve(contentType: string | undefined) {
  const bodies: Record<string, BodyInit> = {
    pem_server: SERVER_PEM,
    pem_intermediate: SERVER_PEM + INTERMEDIATE_PEM,
    p7b: P7B_BYTES.slice().buffer,
  };
  server.use(
    http.get(DOWNLOAD, ({ params }) => {
      const headers = new Headers();
      if (contentType) headers.set("Content-Type", contentType);
      return new HttpResponse(bodies[String(params.format)], { headers });
    }),
  );
}

// What SSLmarket documents (text/plain for every format), what the spec allows for p7b, and what a server may send.
const CONTENT_TYPES = [
  "text/plain",
  "text/plain; charset=utf-8",
  "application/pkcs7-mime",
  "application/x-pkcs7-certificates",
  "application/octet-stream",
  "application/json",
  undefined,
];

describe("downloadCertificate", () => {
  it.each(["pem_server", "pem_intermediate"] as const)(
    "%s is read as text and puts the format in the path",
    async (format) => {
      serve("text/plain");
      const { data, error, response } = await sslmarket().GET("/certificate/order_id/{order_id}/format/{format}", {
        params: { path: { order_id: ORDER_ID, format } },
        parseAs: "text",
      });
      expect(error).toBeUndefined();
      expect(response.status).toBe(200);
      expect(data).toBe(format === "pem_server" ? SERVER_PEM : SERVER_PEM + INTERMEDIATE_PEM);
      expect(data?.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(format === "pem_server" ? 1 : 2);
      expect(requests).toHaveLength(1);
      expect(requests[0]?.headers.get("x-auth-token")).toBe(TOKEN);
      expect(new URL(requests[0]!.url).pathname).toBe(`/api/certificate/order_id/${ORDER_ID}/format/${format}`);
    },
  );

  it.each(CONTENT_TYPES.map((type) => [type ?? "no Content-Type"]))(
    "p7b keeps its bytes intact as an ArrayBuffer, answered with %s",
    async (type) => {
      serve(type === "no Content-Type" ? undefined : type);
      const { data, error } = await sslmarket().GET("/certificate/order_id/{order_id}/format/{format}", {
        params: { path: { order_id: ORDER_ID, format: "p7b" } },
        parseAs: "arrayBuffer",
      });
      expect(error).toBeUndefined();
      expect(data).toBeInstanceOf(ArrayBuffer);
      expect(new Uint8Array(data!)).toEqual(P7B_BYTES);
      expect(new URL(requests[0]!.url).pathname).toBe(`/api/certificate/order_id/${ORDER_ID}/format/p7b`);
    },
  );

  it("p7b keeps its bytes intact as a Blob", async () => {
    serve("text/plain; charset=utf-8");
    const { data } = await sslmarket().GET("/certificate/order_id/{order_id}/format/{format}", {
      params: { path: { order_id: ORDER_ID, format: "p7b" } },
      parseAs: "blob",
    });
    expect(data).toBeInstanceOf(Blob);
    expect(new Uint8Array(await data!.arrayBuffer())).toEqual(P7B_BYTES);
  });

  it("p7b read as text would be corrupted: the reason the format, not the Content-Type, decides", async () => {
    serve("text/plain");
    const { data } = await sslmarket().GET("/certificate/order_id/{order_id}/format/{format}", {
      params: { path: { order_id: ORDER_ID, format: "p7b" } },
      parseAs: "text",
    });
    expect(new TextEncoder().encode(data)).not.toEqual(P7B_BYTES);
  });

  it("a PEM read as JSON (openapi-fetch's default) fails with PROVIDER: pass parseAs", async () => {
    serve("text/plain");
    const call = sslmarket().GET("/certificate/order_id/{order_id}/format/{format}", {
      params: { path: { order_id: ORDER_ID, format: "pem_server" } },
    });
    await expect(call).rejects.toMatchObject({
      code: "PROVIDER",
      status: 200,
      message: expect.stringContaining("not valid JSON"),
    });
  });

  it("an error answer is still read as an error body, whatever parseAs says", async () => {
    server.use(
      http.get(DOWNLOAD, () =>
        HttpResponse.json(
          { error: "not_issued", message: "The certificate has not been issued yet." },
          { status: 400 },
        ),
      ),
    );
    const { data, error } = await sslmarket().GET("/certificate/order_id/{order_id}/format/{format}", {
      params: { path: { order_id: ORDER_ID, format: "p7b" } },
      parseAs: "arrayBuffer",
    });
    expect(data).toBeUndefined();
    expect(error).toMatchObject({
      code: "VALIDATION_FAILED",
      status: 400,
      providerCode: "not_issued",
      body: { error: "not_issued", message: "The certificate has not been issued yet." },
    });
    expect(error?.message).toContain("The certificate has not been issued yet.");
  });

  it("an empty 200 for a download is a provider fault, not an empty certificate", async () => {
    server.use(
      http.get(DOWNLOAD, () => new HttpResponse(null, { status: 200, headers: { "Content-Type": "text/plain" } })),
    );
    const call = sslmarket().GET("/certificate/order_id/{order_id}/format/{format}", {
      params: { path: { order_id: ORDER_ID, format: "pem_intermediate" } },
      parseAs: "text",
      retry: false,
    });
    await expect(call).rejects.toMatchObject({
      code: "PROVIDER",
      message: expect.stringContaining("with an empty body"),
    });
  });
});
