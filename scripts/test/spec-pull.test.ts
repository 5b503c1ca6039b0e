import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { readApis, repoRoot } from "../lib/apis.mjs";

const script = join(import.meta.dirname, "..", "spec-pull.mjs");
const specText = (name: string) =>
  readFileSync(join(repoRoot, readApis().find((api) => api.name === name)!.root), "utf8");

/** Our IONOS spec as a provider might publish it next: one operation gone, one response field new. */
function publishedIonos(): string {
  const spec = parse(specText("ionos-ssl"));
  delete spec.paths["/v1/certificates/quota"];
  spec.components.schemas.Certificate.properties.renewedAt = { type: "string", format: "date-time" };
  return stringify(spec);
}

/** What the loopback server answers, by path. */
const documents: Record<string, string> = {
  "/ionos-ssl.yaml": publishedIonos(),
  "/dnsimple.yml": specText("dnsimple"),
  "/hello.yaml": "hello: world\n",
};

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const body = documents[request.url ?? ""];
    response.writeHead(body === undefined ? 404 : 200, { "content-type": "application/yaml" }).end(body ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Runs `spec-pull.mjs` as a child process (the server above must keep answering meanwhile). */
function specPull(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { cwd: repoRoot }, (error, stdout, stderr) => {
      const code = (error as { code?: unknown } | null)?.code;
      resolve({ status: error ? (typeof code === "number" ? code : 1) : 0, stdout, stderr });
    });
  });
}

describe("pnpm spec:pull", () => {
  it("lists each difference from the published document, classified, and points at the spec's README", async () => {
    const run = await specPull("ionos-ssl", "--url", `${base}/ionos-ssl.yaml`);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(
      `spec:pull: ionos-ssl: compared specs/ionos-ssl/openapi.yaml with ${base}/ionos-ssl.yaml (OpenAPI 3.0.1)`,
    );
    expect(lines).toContain(
      "spec:pull: 2 differences, classified as if our spec were changed to match the published one:",
    );
    expect(lines).toContain(
      "  breaking      #/paths/~1v1~1certificates~1quota/get  [Removed] operation GET /v1/certificates/quota",
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}non-breaking {2}#\/components\/schemas\/Certificate\/properties\/renewedAt {2}\[Added\] property `renewedAt`/,
      ),
    );
    expect(lines).toContain(
      "spec:pull: some differences are deliberate: check each difference against specs/ionos-ssl/README.md (corrections, assumptions, known gaps) before changing the spec.",
    );
  });

  it("--out saves the fetched document for reading", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "certkit-spec-pull-")), "published.yaml");
    const run = await specPull("ionos-ssl", "--url", `${base}/ionos-ssl.yaml`, "--out", out);
    expect(run.status).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(documents["/ionos-ssl.yaml"]);
  });

  it("refuses to save over a spec", async () => {
    const run = await specPull(
      "ionos-ssl",
      "--url",
      `${base}/ionos-ssl.yaml`,
      "--out",
      join(repoRoot, "specs", "ionos-ssl", "openapi.yaml"),
    );
    expect(run).toEqual({
      status: 2,
      stdout: "",
      stderr: "spec:pull: --out must not point into specs/ (our specs are edited by hand); choose another file\n",
    });
  });

  it("says there is no difference, and that DNSimple's document is for comparing only", async () => {
    const run = await specPull("dnsimple", "--url", `${base}/dnsimple.yml`);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "spec:pull: note: DNSimple publishes this document under no licence: compare only, never copy from it into our spec.",
    );
    expect(run.stdout).toMatch(/\nspec:pull: no differences\n$/);
  });

  it("exits 2 on an api it does not know", async () => {
    const run = await specPull("letsencrypt");
    expect(run).toEqual({
      status: 2,
      stdout: "",
      stderr: expect.stringMatching(
        /^spec:pull: no api named "letsencrypt": no specs\/letsencrypt\/openapi\.yaml \(known: dnsimple, [^\n]*\)\n$/,
      ),
    });
  });

  it("exits 1 with one line for an api whose provider publishes no document", async () => {
    expect(await specPull("resello")).toEqual({
      status: 1,
      stdout: "",
      stderr: "spec:pull: resello: Resello publishes no OpenAPI document, only its HTML API reference.\n",
    });
  });

  it("exits 1 with one line when the host name does not resolve", async () => {
    const run = await specPull("ionos-ssl", "--url", "https://spec.example.test/x.yaml");
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^spec:pull: cannot reach spec\.example\.test: [^\n]+\n$/);
  });

  it("exits 1 with one line when nothing listens at the address", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect(await specPull("ionos-ssl", "--url", `http://127.0.0.1:${port}/ssl.yaml`)).toEqual({
      status: 1,
      stdout: "",
      stderr: `spec:pull: cannot reach 127.0.0.1:${port}: connection refused\n`,
    });
  });

  it("exits 1 with one line on an HTTP error", async () => {
    expect(await specPull("ionos-ssl", "--url", `${base}/gone.yaml`)).toEqual({
      status: 1,
      stdout: "",
      stderr: `spec:pull: ${base}/gone.yaml answered HTTP 404 Not Found\n`,
    });
  });

  it("exits 1 with one line when the document is not OpenAPI", async () => {
    expect(await specPull("ionos-ssl", "--url", `${base}/hello.yaml`)).toEqual({
      status: 1,
      stdout: "",
      stderr: `spec:pull: the document at ${base}/hello.yaml is not an OpenAPI 3 document (no "openapi: 3.x" at its top)\n`,
    });
  });
});
