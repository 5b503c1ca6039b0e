import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { createReselloClient } from "../src/index.js";
import { CA_CHAIN_PEM, CERTIFICATE_ID, CERTIFICATE_PEM, CSR_PEM, PKCS7_BYTES, ZIP_BYTES } from "./support/fixtures.js";
import { API_KEY, BASE_URL, RESELLER_REFERENCE, requests, server } from "./support/server.js";

const resello = () =>
  createReselloClient({ resellerReference: RESELLER_REFERENCE, apiKey: API_KEY, baseUrl: BASE_URL });
const path = { params: { path: { id: CERTIFICATE_ID } } };

/** What the seed says every download is: a file attachment labelled `application/octet-stream`. */
function attachment(body: Uint8Array | string, filename: string) {
  return new HttpResponse(body, {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  });
}

function serve(format: string, body: Uint8Array | string) {
  server.use(
    http.get(`${BASE_URL}/ssl-certificate/:id/download-${format}`, ({ params }) =>
      params.id === CERTIFICATE_ID
        ? attachment(body, `shop.example.test.${format}`)
        : HttpResponse.json({}, { status: 404 }),
    ),
  );
}

describe("binary downloads arrive byte for byte", () => {
  it("download-zip with parseAs arrayBuffer", async () => {
    serve("zip", ZIP_BYTES);
    const { data, error, response } = await resello().GET("/ssl-certificate/{id}/download-zip", {
      ...path,
      parseAs: "arrayBuffer",
    });
    expect(error).toBeUndefined();
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="shop.example.test.zip"');
    expect(new Uint8Array(data!)).toEqual(ZIP_BYTES);
    expect(new URL(requests[0]!.url).pathname).toBe(`/api/v1/ssl-certificate/${CERTIFICATE_ID}/download-zip`);
  });

  it("download-zip with parseAs blob", async () => {
    serve("zip", ZIP_BYTES);
    const { data } = await resello().GET("/ssl-certificate/{id}/download-zip", { ...path, parseAs: "blob" });
    expect(data).toBeInstanceOf(Blob);
    expect(data!.size).toBe(ZIP_BYTES.byteLength);
    expect(new Uint8Array(await data!.arrayBuffer())).toEqual(ZIP_BYTES);
  });

  it("download-pkcs7 with parseAs arrayBuffer", async () => {
    serve("pkcs7", PKCS7_BYTES);
    const { data, response } = await resello().GET("/ssl-certificate/{id}/download-pkcs7", {
      ...path,
      parseAs: "arrayBuffer",
    });
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(new Uint8Array(data!)).toEqual(PKCS7_BYTES);
  });

  it("would be corrupted if read as text, which is why bytes must be asked for", async () => {
    serve("zip", ZIP_BYTES);
    const { data } = await resello().GET("/ssl-certificate/{id}/download-zip", { ...path, parseAs: "text" });
    expect(new TextEncoder().encode(data)).not.toEqual(ZIP_BYTES);
  });
});

describe("PEM downloads arrive as text, whatever the Content-Type says", () => {
  it.each([
    ["crt", CERTIFICATE_PEM],
    ["csr", CSR_PEM],
    ["ca", CA_CHAIN_PEM],
  ] as const)("download-%s with parseAs text", async (format, pem) => {
    serve(format, pem);
    const client = resello();
    const { data, error, response } =
      format === "crt"
        ? await client.GET("/ssl-certificate/{id}/download-crt", { ...path, parseAs: "text" })
        : format === "csr"
          ? await client.GET("/ssl-certificate/{id}/download-csr", { ...path, parseAs: "text" })
          : await client.GET("/ssl-certificate/{id}/download-ca", { ...path, parseAs: "text" });
    expect(error).toBeUndefined();
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(data).toBe(pem);
    expect(new URL(requests[0]!.url).pathname).toBe(`/api/v1/ssl-certificate/${CERTIFICATE_ID}/download-${format}`);
  });

  it("keeps every block of a CA chain and its CRLF line ends", async () => {
    serve("ca", CA_CHAIN_PEM);
    const { data } = await resello().GET("/ssl-certificate/{id}/download-ca", { ...path, parseAs: "text" });
    expect(data!.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);
    expect(data).toContain("-----END CERTIFICATE-----\r\n-----BEGIN CERTIFICATE-----");
  });

  it("fails as PROVIDER when a PEM download is left to the default JSON parsing", async () => {
    serve("crt", CERTIFICATE_PEM);
    await expect(resello().GET("/ssl-certificate/{id}/download-crt", path)).rejects.toMatchObject({
      code: "PROVIDER",
      status: 200,
      message: expect.stringContaining("not valid JSON"),
    });
  });
});

describe("download errors", () => {
  it("reads a JSON error body even when bytes were asked for", async () => {
    server.use(
      http.get(`${BASE_URL}/ssl-certificate/:id/download-zip`, () =>
        HttpResponse.json({ success: false, error: { message: "Certificate not issued yet." } }, { status: 404 }),
      ),
    );
    const { data, error } = await resello().GET("/ssl-certificate/{id}/download-zip", {
      ...path,
      parseAs: "arrayBuffer",
      retry: false,
    });
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ code: "NOT_FOUND", status: 404, body: { success: false } });
    expect(error?.message).toContain("Certificate not issued yet.");
  });

  it("reports an empty 200 download as PROVIDER, never as an empty file", async () => {
    server.use(
      http.get(`${BASE_URL}/ssl-certificate/:id/download-pkcs7`, () => attachment(new Uint8Array(0), "x.p7b")),
    );
    await expect(
      resello().GET("/ssl-certificate/{id}/download-pkcs7", { ...path, parseAs: "arrayBuffer", retry: false }),
    ).rejects.toMatchObject({ code: "PROVIDER", message: expect.stringContaining("empty body") });
  });
});
