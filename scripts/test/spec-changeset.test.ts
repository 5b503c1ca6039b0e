import { execFile, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { readApis, repoRoot } from "../lib/apis.mjs";
import { compareSpecs, formatChange, parseSpec } from "../lib/spec-diff.mjs";

/**
 * A small OpenAPI 3.1 document: list, create, get and delete certificates, with a request schema, a response
 * schema (both with an enum) and a query parameter. Each call returns a fresh copy to edit.
 */
function certificatesApi(): any {
  return {
    openapi: "3.1.0",
    info: { title: "Certificates", version: "1.0.0" },
    paths: {
      "/certificates": {
        get: {
          operationId: "listCertificates",
          summary: "List certificates",
          parameters: [{ name: "limit", in: "query", schema: { type: "integer" } }],
          responses: {
            "200": {
              description: "The certificates",
              content: {
                "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/Certificate" } } },
              },
            },
          },
        },
        post: {
          operationId: "createCertificate",
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/NewCertificate" } } },
          },
          responses: {
            "201": {
              description: "Created",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Certificate" } } },
            },
          },
        },
      },
      "/certificates/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        get: {
          operationId: "getCertificate",
          responses: {
            "200": {
              description: "The certificate",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Certificate" } } },
            },
          },
        },
        delete: { operationId: "deleteCertificate", responses: { "204": { description: "Deleted" } } },
      },
    },
    components: {
      schemas: {
        Certificate: {
          type: "object",
          required: ["id"],
          properties: {
            id: { type: "string" },
            status: { type: "string", enum: ["ACTIVE", "PENDING"] },
            serial: { type: "string", description: "Serial number in hex" },
            issuer: { $ref: "#/components/schemas/Issuer" },
          },
        },
        Issuer: { type: "object", properties: { name: { type: "string" } } },
        NewCertificate: {
          type: "object",
          required: ["commonName"],
          properties: {
            commonName: { type: "string" },
            years: { type: "integer" },
            validation: { type: "string", enum: ["DNS", "EMAIL"] },
          },
        },
      },
    },
  };
}

/** Compares the document with a copy changed by `edit`. */
function compareEdited(edit: (spec: any) => void) {
  const after = certificatesApi();
  edit(after);
  return compareSpecs(certificatesApi(), after);
}

describe("compareSpecs", () => {
  it.each([
    [
      "an operation removed",
      (s: any) => delete s.paths["/certificates/{id}"].delete,
      "#/paths/~1certificates~1{id}/delete",
    ],
    [
      "a response field removed",
      (s: any) => delete s.components.schemas.Certificate.properties.serial,
      "#/components/schemas/Certificate/properties/serial",
    ],
    [
      "a request field made required",
      (s: any) => s.components.schemas.NewCertificate.required.push("years"),
      "#/components/schemas/NewCertificate/required/1",
    ],
    [
      "a required request field added",
      (s: any) => {
        s.components.schemas.NewCertificate.properties.csr = { type: "string" };
        s.components.schemas.NewCertificate.required.push("csr");
      },
      "#/components/schemas/NewCertificate/properties/csr",
    ],
    [
      "an enum value removed from a request",
      (s: any) => (s.components.schemas.NewCertificate.properties.validation.enum = ["DNS"]),
      "#/components/schemas/NewCertificate/properties/validation/enum/1",
    ],
    [
      "an enum value removed from a response",
      (s: any) => (s.components.schemas.Certificate.properties.status.enum = ["ACTIVE"]),
      "#/components/schemas/Certificate/properties/status/enum/1",
    ],
    [
      "a request field's type changed",
      (s: any) => (s.components.schemas.NewCertificate.properties.years.type = "string"),
      "#/components/schemas/NewCertificate/properties/years/type",
    ],
    [
      "a response field's type changed",
      (s: any) => (s.components.schemas.Certificate.properties.serial.type = "integer"),
      "#/components/schemas/Certificate/properties/serial/type",
    ],
    [
      "a response field made nullable",
      (s: any) => (s.components.schemas.Certificate.properties.serial.type = ["string", "null"]),
      "#/components/schemas/Certificate/properties/serial/type",
    ],
    [
      "a parameter removed",
      (s: any) => (s.paths["/certificates"].get.parameters = []),
      "#/paths/~1certificates/get/parameters/0",
    ],
    [
      "a parameter made required",
      (s: any) => (s.paths["/certificates"].get.parameters[0].required = true),
      "#/paths/~1certificates/get/parameters/0/required",
    ],
  ])("%s: breaking, major", (_name, edit, pointer) => {
    const { changes, bump } = compareEdited(edit);
    expect(bump).toBe("major");
    expect(changes).toContainEqual(expect.objectContaining({ kind: "breaking", pointer }));
  });

  it.each([
    [
      "a new operation",
      (s: any) =>
        (s.paths["/certificates/{id}"].put = {
          operationId: "renewCertificate",
          responses: { "202": { description: "Renewing" } },
        }),
      "#/paths/~1certificates~1{id}/put",
    ],
    [
      "a new optional request field",
      (s: any) => (s.components.schemas.NewCertificate.properties.note = { type: "string" }),
      "#/components/schemas/NewCertificate/properties/note",
    ],
    [
      "a new response field",
      (s: any) => (s.components.schemas.Certificate.properties.expiresAt = { type: "string", format: "date-time" }),
      "#/components/schemas/Certificate/properties/expiresAt",
    ],
    [
      "a new optional parameter",
      (s: any) =>
        s.paths["/certificates"].get.parameters.push({ name: "status", in: "query", schema: { type: "string" } }),
      "#/paths/~1certificates/get/parameters/1",
    ],
    [
      "a new enum value in a request",
      (s: any) => s.components.schemas.NewCertificate.properties.validation.enum.push("FILE"),
      "#/components/schemas/NewCertificate/properties/validation/enum/2",
    ],
    [
      "a new enum value in a response",
      (s: any) => s.components.schemas.Certificate.properties.status.enum.push("REVOKED"),
      "#/components/schemas/Certificate/properties/status/enum/2",
    ],
    [
      "a new response",
      (s: any) => (s.paths["/certificates/{id}"].get.responses["404"] = { description: "No such certificate" }),
      "#/paths/~1certificates~1{id}/get/responses/404",
    ],
  ])("%s: non-breaking, minor", (_name, edit, pointer) => {
    const { changes, bump } = compareEdited(edit);
    expect(changes).toEqual([expect.objectContaining({ kind: "non-breaking", pointer })]);
    expect(bump).toBe("minor");
  });

  it("an operation deprecated: minor", () => {
    const { changes, bump } = compareEdited((s) => (s.paths["/certificates"].get.deprecated = true));
    expect(changes).toEqual([
      expect.objectContaining({ kind: "deprecated", pointer: "#/paths/~1certificates/get/deprecated" }),
    ]);
    expect(bump).toBe("minor");
  });

  it.each([
    [
      "a description",
      (s: any) => (s.components.schemas.Certificate.properties.serial.description = "Serial number, in hexadecimal"),
      "#/components/schemas/Certificate/properties/serial/description",
    ],
    [
      "a summary",
      (s: any) => (s.paths["/certificates"].get.summary = "Lists the account's certificates"),
      "#/paths/~1certificates/get/summary",
    ],
    [
      "an example",
      (s: any) => (s.components.schemas.Certificate.properties.serial.examples = ["0A1B"]),
      "#/components/schemas/Certificate/properties/serial/examples/0",
    ],
  ])("only %s changed: annotation, patch", (_name, edit, pointer) => {
    const { changes, bump } = compareEdited(edit);
    expect(changes).toEqual([expect.objectContaining({ kind: "annotation", pointer })]);
    expect(bump).toBe("patch");
  });

  it("a description added beside a $ref: patch, not the referenced schema replaced", () => {
    const { changes, bump } = compareEdited(
      (s) => (s.components.schemas.Certificate.properties.issuer.description = "The certificate authority"),
    );
    expect(changes).toEqual([
      expect.objectContaining({
        kind: "annotation",
        action: "add",
        pointer: "#/components/schemas/Certificate/properties/issuer/description",
      }),
    ]);
    expect(bump).toBe("patch");
  });

  it("no change: no bump", () => {
    expect(compareEdited(() => undefined)).toEqual({ changes: [], bump: undefined });
  });

  it("counts a change the library cannot classify as major and says so", () => {
    const { changes, bump } = compareEdited(
      (s) => (s.components.schemas.Certificate.discriminator = { propertyName: "status" }),
    );
    expect(bump).toBe("major");
    expect(changes.map(formatChange)).toEqual([
      expect.stringMatching(
        /^unclassified \(counted as breaking: no rule shows it is safe\) +#\/components\/schemas\/Certificate\/discriminator /,
      ),
    ]);
  });

  it("reports a change to a shared schema once, at the schema, with the operations it reaches", () => {
    const { changes } = compareEdited((s) => delete s.components.schemas.Certificate.properties.serial);
    expect(changes).toEqual([
      {
        kind: "breaking",
        action: "remove",
        pointer: "#/components/schemas/Certificate/properties/serial",
        description: expect.stringContaining("[Removed] property `serial`"),
        operations: ["GET /certificates", "POST /certificates", "GET /certificates/{id}"],
      },
    ]);
    expect(formatChange(changes[0]!)).toMatch(
      /^breaking {6}#\/components\/schemas\/Certificate\/properties\/serial {2}\[Removed\] property `serial`.* \(used by GET \/certificates, POST \/certificates, GET \/certificates\/\{id\}\)$/,
    );
  });

  it("finds a change once, in the schema that holds it, through a documented anyOf", () => {
    const withState = (states: string[]) => {
      const spec = certificatesApi();
      spec.components.schemas.State = { type: "string", enum: states };
      spec.components.schemas.Certificate.properties.state = {
        description: "One of State, or a newer one",
        anyOf: [{ $ref: "#/components/schemas/State" }, { type: "string" }],
      };
      return spec;
    };
    const before = withState(["issued", "revoked"]);
    const { changes } = compareSpecs(before, withState(["issued", "revoked", "expired"]));
    expect(changes).toEqual([
      expect.objectContaining({ kind: "non-breaking", action: "add", pointer: "#/components/schemas/State/enum/2" }),
    ]);
    expect(before).toEqual(withState(["issued", "revoked"]));
  });

  it("says which enum value changed", () => {
    const { changes } = compareEdited((s) => (s.components.schemas.Certificate.properties.status.enum = ["ACTIVE"]));
    expect(changes[0]!.description).toMatch(/: removed "PENDING"$/);
  });
});

describe("parseSpec", () => {
  it("reads YAML", () => {
    expect(parseSpec("openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths: {}\n", "x.yaml")).toEqual({
      openapi: "3.1.0",
      info: { title: "T", version: "1" },
      paths: {},
    });
  });

  it("rejects text that is not YAML, in one line", () => {
    expect(() => parseSpec("openapi: [3.1.0\n", "x.yaml at HEAD")).toThrow(
      /^x\.yaml at HEAD is not valid YAML: [^\n]+$/,
    );
  });

  it("rejects a document that is not OpenAPI 3", () => {
    expect(() => parseSpec("swagger: '2.0'\n", "x.yaml")).toThrow(
      'x.yaml is not an OpenAPI 3 document (no "openapi: 3.x" at its top)',
    );
  });

  it("rejects a $ref to another file, which the library would not follow", () => {
    const text = stringify({
      openapi: "3.1.0",
      info: { title: "T", version: "1" },
      components: { schemas: { A: { $ref: "./common.yaml#/A" } } },
    });
    expect(() => parseSpec(text, "x.yaml")).toThrow(
      'x.yaml has a $ref to another file ("./common.yaml#/A"): bundle the spec into one file first',
    );
  });
});

const script = join(import.meta.dirname, "..", "spec-changeset.mjs");
const ionos = readApis().find((api) => api.name === "ionos-ssl")!;

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.test", ...args], {
    cwd,
    encoding: "utf8",
  }).trim();

/** Runs `spec-changeset.mjs` in `root`; resolves with its exit status and what it printed. */
function specChangeset(root: string, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, "--root", root, ...args], (error, stdout, stderr) => {
      const code = (error as { code?: unknown } | null)?.code;
      resolve({ status: error ? (typeof code === "number" ? code : 1) : 0, stdout, stderr });
    });
  });
}

/** A throwaway repository with the IONOS spec (its only spec folder) and its package.json, committed. */
function repoWithIonos(): string {
  const dir = mkdtempSync(join(tmpdir(), "certkit-spec-changeset-"));
  mkdirSync(join(dir, "specs", "ionos-ssl"), { recursive: true });
  cpSync(join(repoRoot, ionos.root), join(dir, ionos.root));
  mkdirSync(join(dir, "packages", "ionos-ssl"), { recursive: true });
  writeFileSync(
    join(dir, "packages", "ionos-ssl", "package.json"),
    JSON.stringify({ name: "@certkit/ionos-ssl", version: "0.1.0" }),
  );
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "fixture");
  return dir;
}

/** Edits the repository's IONOS spec as an object. */
function editSpec(dir: string, edit: (spec: any) => void) {
  const spec = parse(readFileSync(join(dir, ionos.root), "utf8"));
  edit(spec);
  writeFileSync(join(dir, ionos.root), stringify(spec));
}

const changesets = (dir: string) => (existsSync(join(dir, ".changeset")) ? readdirSync(join(dir, ".changeset")) : []);

describe("pnpm spec:changeset", () => {
  it("writes a major changeset listing each reason when an operation goes and a field comes", async () => {
    const dir = repoWithIonos();
    const head = git(dir, "rev-parse", "--short", "HEAD");
    editSpec(dir, (spec) => {
      delete spec.paths["/v1/certificates/{id}"].delete;
      spec.components.schemas.Certificate.properties.renewedAt = { type: "string", format: "date-time" };
    });

    const run = await specChangeset(dir, "--since", "HEAD");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `spec:changeset: specs compared with HEAD (${head})\n@certkit/ionos-ssl: major (specs/ionos-ssl/openapi.yaml)\n`,
    );
    expect(run.stdout).toMatch(
      /\n {2}breaking {6}#\/paths\/~1v1~1certificates~1\{id\}\/delete {2}\[Removed\] operation DELETE \/v1\/certificates\/\{id\}\n/,
    );
    expect(run.stdout).toMatch(
      /\n {2}non-breaking {2}#\/components\/schemas\/Certificate\/properties\/renewedAt {2}\[Added\] property `renewedAt`[^\n]*\n/,
    );
    expect(run.stdout).toContain(`  wrote .changeset/spec-ionos-ssl-${head}.md\n`);

    expect(changesets(dir)).toEqual([`spec-ionos-ssl-${head}.md`]);
    const changeset = readFileSync(join(dir, ".changeset", `spec-ionos-ssl-${head}.md`), "utf8");
    expect(changeset).toMatch(
      /^---\n"@certkit\/ionos-ssl": major\n---\n\nThe OpenAPI spec changed \(specs\/ionos-ssl\/openapi\.yaml\):\n\n/,
    );
    expect(changeset).toContain(
      "- Breaking: [Removed] operation DELETE /v1/certificates/{id}, at `#/paths/~1v1~1certificates~1{id}/delete`\n",
    );
    expect(changeset).toMatch(
      /\n- Non-breaking: \[Added\] property `renewedAt`.* \(used by GET \/v1\/certificates, POST \/v1\/certificates, GET \/v1\/certificates\/\{id\}\), at `#\/components\/schemas\/Certificate\/properties\/renewedAt`\n/,
    );
  });

  it("compares with HEAD when there is no origin/main, and writes a patch changeset for a description", async () => {
    const dir = repoWithIonos();
    editSpec(dir, (spec) => (spec.info.title = "IONOS SSL API"));
    const run = await specChangeset(dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^spec:changeset: specs compared with HEAD \(/);
    expect(run.stdout).toContain(
      "@certkit/ionos-ssl: patch (specs/ionos-ssl/openapi.yaml)\n  annotation    #/info/title  ",
    );
    const [file] = changesets(dir);
    expect(readFileSync(join(dir, ".changeset", file!), "utf8")).toMatch(/^---\n"@certkit\/ionos-ssl": patch\n---\n/);
  });

  it("--dry-run prints the reasons and writes nothing", async () => {
    const dir = repoWithIonos();
    editSpec(dir, (spec) => delete spec.paths["/v1/certificates/quota"]);
    const run = await specChangeset(dir, "--since", "HEAD", "--dry-run");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("[Removed] operation GET /v1/certificates/quota");
    expect(run.stdout).toMatch(/ {2}would write \.changeset\/spec-ionos-ssl-[0-9a-f]+\.md \(dry run\)\n$/);
    expect(changesets(dir)).toEqual([]);
  });

  it("says so and writes nothing when no spec changed", async () => {
    const dir = repoWithIonos();
    const run = await specChangeset(dir, "--since", "HEAD");
    expect(run).toEqual({
      status: 0,
      stdout: expect.stringMatching(/^spec:changeset: no spec changed since HEAD \([0-9a-f]+\): nothing to write\n$/),
      stderr: "",
    });
    expect(changesets(dir)).toEqual([]);
  });

  it("writes no changeset when the spec changed in form only", async () => {
    const dir = repoWithIonos();
    editSpec(dir, () => undefined);
    const run = await specChangeset(dir, "--since", "HEAD");
    expect(run.stdout).toMatch(
      /^spec:changeset: specs compared with HEAD \([0-9a-f]+\)\n@certkit\/ionos-ssl: specs\/ionos-ssl\/openapi\.yaml changed in form only \(layout, comments, key order\): no changeset\n$/,
    );
    expect(changesets(dir)).toEqual([]);
  });

  it("counts a spec the ref does not have as a new API: minor", async () => {
    const dir = repoWithIonos();
    cpSync(join(dir, "specs", "ionos-ssl"), join(dir, "specs", "ionos-ssl-v2"), { recursive: true });
    mkdirSync(join(dir, "packages", "ionos-ssl-v2"));
    writeFileSync(
      join(dir, "packages", "ionos-ssl-v2", "package.json"),
      JSON.stringify({ name: "@certkit/ionos-ssl-v2", version: "0.0.0" }),
    );

    const run = await specChangeset(dir, "--since", "HEAD");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "@certkit/ionos-ssl-v2: minor (specs/ionos-ssl-v2/openapi.yaml)\n  new API       specs/ionos-ssl-v2/openapi.yaml is not in HEAD: a new API\n",
    );
    expect(run.stdout).not.toContain("@certkit/ionos-ssl:");
    expect(changesets(dir)).toEqual([expect.stringMatching(/^spec-ionos-ssl-v2-[0-9a-f]+\.md$/)]);
  });

  it("fails with one line on an unknown ref", async () => {
    const dir = repoWithIonos();
    expect(await specChangeset(dir, "--since", "no-such-branch")).toEqual({
      status: 1,
      stdout: "",
      stderr: 'spec:changeset: unknown git ref "no-such-branch"\n',
    });
  });

  it("fails with one line, and writes nothing, when a spec does not parse", async () => {
    const dir = repoWithIonos();
    writeFileSync(join(dir, ionos.root), "openapi: [3.0.1\n");
    const run = await specChangeset(dir, "--since", "HEAD");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^spec:changeset: specs\/ionos-ssl\/openapi\.yaml is not valid YAML: [^\n]+\n$/);
    expect(changesets(dir)).toEqual([]);
  });

  it("exits 2 on an option it does not know", async () => {
    const dir = repoWithIonos();
    const run = await specChangeset(dir, "--major");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("usage: pnpm spec:changeset [--since <git ref>] [--dry-run] [--root <repository>]");
  });
});
