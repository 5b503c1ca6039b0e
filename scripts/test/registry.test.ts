import { execFile, execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_CREDENTIALS } from "@certkit/sandbox";
import { readApis, repoRoot } from "../lib/apis.mjs";
import { startLocalRegistry, type LocalRegistry } from "../lib/local-registry.mjs";

// The packages as a user gets them: published by the release command to a real registry (Verdaccio on loopback), then
// installed from it into a project outside the workspace, type-checked by the TypeScript versions users have, and run.

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
}

const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
const publishable = readdirSync(join(repoRoot, "packages"))
  .map((folder) => join(repoRoot, "packages", folder))
  .map((dir) => ({ dir, manifest: readManifest(dir) }))
  .filter(({ manifest }) => !manifest.private);

const ALLOWED_IN_TARBALL = /^package\/(dist\/.+|README\.md|LICENSE|package\.json)$/;
const typescripts = join(repoRoot, "scripts", "typescript-versions", "node_modules");
const TYPESCRIPT_VERSIONS = [
  ["5.9", join(typescripts, "typescript-5.9", "lib", "tsc.js")],
  ["6.0", join(typescripts, "typescript-6.0", "lib", "tsc.js")],
  ["7", join(typescripts, "typescript-7", "lib", "tsc.js")],
] as const;
const RESOLUTIONS = [
  ["nodenext", { module: "nodenext", moduleResolution: "nodenext" }],
  ["bundler", { module: "preserve", moduleResolution: "bundler" }],
  // With skipLibCheck off (every consumer below), node16 once failed inside the X.509 library's typings, which the
  // facade's declarations pulled in.
  ["node16", { module: "node16", moduleResolution: "node16" }],
] as const;

let registry: LocalRegistry;
const execFileAsync = promisify(execFile);

/** Runs a TypeScript compiler in `cwd`, and says what it printed and how it ended (without throwing). */
async function typeCheck(tsc: string, args: string[], cwd?: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [tsc, ...args], { cwd, encoding: "utf8" });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (failure) {
    const { code, stdout, stderr } = failure as { code: number; stdout: string; stderr: string };
    return { code, output: `${stdout}${stderr}` };
  }
}
// Copies of dependencies and downloaded tarballs, removed at the end.
const scratch = mkdtempSync(join(tmpdir(), "certkit-registry-test-"));

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, env: registry.env, encoding: "utf8" });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Where a package `name` that `fromDir` depends on is installed, looking up the node_modules folders as Node does. */
function installedDir(fromDir: string, name: string): string {
  for (let dir = fromDir; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
  }
  throw new Error(`${name} is not installed where ${fromDir} can see it`);
}

/**
 * Publishes, from the workspace's installed copies, the third-party packages the given workspace packages need at run
 * time (those not published yet), and returns them all: the registry has no uplink, so what a consumer installs must
 * have been published to it.
 */
const publishedThirdParty = new Set<string>();

function publishThirdPartyDependencies(fromDirs: string[]): string[] {
  const needed: string[] = [];
  const visit = (dir: string) => {
    for (const name of Object.keys(readManifest(dir).dependencies ?? {})) {
      if (name.startsWith("@certkit/")) continue;
      const installed = installedDir(dir, name);
      const { version } = readManifest(installed);
      if (needed.includes(`${name}@${version}`)) continue;
      needed.push(`${name}@${version}`);
      if (publishedThirdParty.has(`${name}@${version}`)) {
        visit(installed);
        continue;
      }
      publishedThirdParty.add(`${name}@${version}`);
      // pnpm's store hard-links identical files, which npm would pack as empty link entries: publish a plain copy.
      const copy = join(mkdtempSync(join(scratch, "dependency-")), "package");
      cpSync(installed, copy, {
        recursive: true,
        filter: (source) => !source.slice(installed.length).includes("node_modules"),
      });
      const result = run("npm", ["publish", copy, "--ignore-scripts", "--tag", "latest"], copy);
      if (result.code !== 0) throw new Error(`publishing ${name}@${version} failed:\n${result.output}`);
      visit(installed);
    }
  };
  for (const dir of fromDirs) visit(dir);
  return needed.sort();
}

/** The packages installed in a project's node_modules (npm installs them flat). */
function installedPackages(project: string): string[] {
  const modules = join(project, "node_modules");
  return readdirSync(modules)
    .filter((entry) => !entry.startsWith("."))
    .flatMap((entry) =>
      entry.startsWith("@") ? readdirSync(join(modules, entry)).map((name) => `${entry}/${name}`) : [entry],
    )
    .sort();
}

let firstRelease: { code: number | null; output: string };

beforeAll(async () => {
  registry = await startLocalRegistry();
  // `pnpm release` is `turbo run build && changeset publish`; turbo built every package before these tests ran.
  firstRelease = run("pnpm", ["changeset", "publish", "--no-git-tag"], repoRoot);
  // Starting the registry may take up to its readiness bound (90 s) on a busy machine, and publishing comes after.
}, 600_000);
afterAll(async () => {
  await registry?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe("pnpm release, against a registry", () => {
  it("publishes every package whose version is not on the registry yet", async () => {
    const { scripts } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(scripts.release).toMatch(/^turbo run build .*&& changeset publish$/);
    expect(firstRelease.code, firstRelease.output).toBe(0);
    for (const { manifest } of publishable) {
      const document = (await (await fetch(`${registry.url}${manifest.name.replace("/", "%2f")}`)).json()) as {
        versions?: object;
      };
      expect(Object.keys(document.versions ?? {}), manifest.name).toContain(manifest.version);
    }
  });

  it("has a consumer installing each client package alone: every spec folder's package is published", () => {
    expect(PROVIDER_PACKAGES).toEqual(readApis().map((api) => api.name));
    for (const name of PROVIDER_PACKAGES)
      expect(CONSUMERS[`only @certkit/${name}`]?.install).toEqual([`@certkit/${name}`]);
  });

  it("publishes nothing the second time", () => {
    const again = run("pnpm", ["changeset", "publish", "--no-git-tag"], repoRoot);
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain("No unpublished projects to publish");
  });

  it.each(publishable.map(({ manifest }) => [manifest.name, manifest] as const))(
    "serves %s as a tarball of dist, README, LICENSE and package.json, with no workspace ranges",
    async (_name, manifest) => {
      const document = (await (await fetch(`${registry.url}${manifest.name.replace("/", "%2f")}`)).json()) as {
        versions: Record<string, { dist: { tarball: string }; dependencies?: Record<string, string> }>;
      };
      const version = document.versions[manifest.version]!;
      expect(JSON.stringify(version.dependencies ?? {})).not.toMatch(/workspace:|catalog:/);
      const file = join(mkdtempSync(join(scratch, "tarball-")), "package.tgz");
      writeFileSync(file, new Uint8Array(await (await fetch(version.dist.tarball)).arrayBuffer()));
      const files = execFileSync("tar", ["-tzf", file], { encoding: "utf8" }).trim().split("\n");
      expect(files.filter((entry) => !ALLOWED_IN_TARBALL.test(entry))).toEqual([]);
      expect(files).toEqual(expect.arrayContaining(["package/README.md", "package/LICENSE", "package/package.json"]));
    },
  );
});

/** A consumer of the published packages: what it installs, what it imports, and the code it type-checks and runs. */
interface Consumer {
  install: string[];
  /** consumer.ts: uses the public types, with `@ts-expect-error` lines that prove the types are real. */
  typescript: string;
  /** A program (ESM syntax) that loads the packages with `load(name)` and makes real calls to `answer` on loopback. */
  program: (load: (name: string) => string) => string;
  /** What a loopback server of the consumer's own answers every request with. */
  answer: unknown;
  printed: string;
  /** The compilers that type-check it, when not every one of TYPESCRIPT_VERSIONS. */
  typescriptVersions?: readonly (typeof TYPESCRIPT_VERSIONS)[number][];
}

/**
 * A project that installs one provider's client package and nothing else: it builds the client with the sandbox's
 * credentials for it (as the package's types take them) and sends one request to its own server. One per publishable
 * client package (each spec folder's), so a new provider's package is installed alone with no edit here. The packages
 * share one shape, which the IONOS consumer below checks under every compiler: these run under the oldest.
 */
function providerAlone(name: string): [string, Consumer] {
  const packageName = `@certkit/${name}`;
  const factory = `create${name.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, letter: string) => letter.toUpperCase())}Client`;
  const credentials = SANDBOX_CREDENTIALS[name as keyof typeof SANDBOX_CREDENTIALS];
  const options = JSON.stringify({ ...credentials, baseUrl: "http://127.0.0.1:9" });
  return [
    `only ${packageName}`,
    {
      install: [packageName],
      typescript: [
        `import { CertkitError, ${factory}, PACKAGE_VERSION } from ${JSON.stringify(packageName)};`,
        "",
        `const client = ${factory}(${options});`,
        "export const version: string = PACKAGE_VERSION;",
        "export const isError = (value: unknown): boolean => value instanceof CertkitError;",
        "// @ts-expect-error the client has only the HTTP methods of openapi-fetch",
        "void client.FETCH;",
        "void client.GET;",
        "",
      ].join("\n"),
      program: (load) =>
        [
          `const { ${factory}, PACKAGE_VERSION } = ${load(packageName)};`,
          `const client = ${factory}({ ...${JSON.stringify(credentials)}, baseUrl: origin });`,
          'const { data } = await client.GET("/consumer-check");',
          `console.log(${JSON.stringify(packageName)}, PACKAGE_VERSION === ${JSON.stringify(readManifest(join(repoRoot, "packages", name)).version)}, JSON.stringify(data));`,
        ].join("\n"),
      answer: { consumer: "check" },
      printed: `${packageName} true {"consumer":"check"}\n`,
      typescriptVersions: TYPESCRIPT_VERSIONS.slice(0, 1),
    },
  ];
}

/** The client packages a user can install: one per spec folder, when its package is published. */
const PROVIDER_PACKAGES = readApis()
  .map((api) => api.name)
  .filter((name) => publishable.some(({ manifest }) => manifest.name === `@certkit/${name}`));

const CONSUMERS: Record<string, Consumer> = {
  // Every client package alone; IONOS SSL's entry below replaces its generic one with a deeper check.
  ...Object.fromEntries(PROVIDER_PACKAGES.map(providerAlone)),
  "only @certkit/ionos-ssl": {
    install: ["@certkit/ionos-ssl"],
    typescript: [
      'import { CertkitError, createIonosSslClient, type Certificate } from "@certkit/ionos-ssl";',
      "",
      'const ionos = createIonosSslClient({ apiKey: "pub.consumer", baseUrl: "http://127.0.0.1:9" });',
      "",
      "export async function firstActive(): Promise<Certificate | undefined> {",
      '  const { data, error } = await ionos.GET("/v1/certificates", { params: { query: { page: 1, size: 10 } } });',
      "  if (error) throw error;",
      '  return data.certificates?.find((certificate) => certificate.status === "ACTIVE");',
      "}",
      "",
      "export const isCertkitError = (value: unknown): value is CertkitError => value instanceof CertkitError;",
      "",
      "export function typeErrorsThatMustStay(): void {",
      "  // @ts-expect-error the spec has no such path",
      '  void ionos.GET("/v1/certificate");',
      "  // @ts-expect-error certificateType is an enum of the spec",
      '  void ionos.POST("/v1/certificates", { body: { certificateType: "SSL_GOLD", commonName: "example.com" } });',
      "}",
      "",
    ].join("\n"),
    program: (load) =>
      [
        `const { createIonosSslClient } = ${load("@certkit/ionos-ssl")};`,
        'const ionos = createIonosSslClient({ apiKey: "pub.consumer", baseUrl: origin });',
        'const { data } = await ionos.GET("/v1/certificates");',
        "console.log(data.certificates.map((c) => `${c.commonName} ${c.status}`).join());",
      ].join("\n"),
    answer: { total: 1, certificates: [{ id: "c1", commonName: "shop.example.com", status: "ACTIVE" }] },
    printed: "shop.example.com ACTIVE\n",
  },
  "only @certkit/certificates and @certkit/dnsimple": {
    install: ["@certkit/certificates", "@certkit/dnsimple"],
    typescript: [
      'import { createCertificateClient, waitForStatus, type CertificateOrder } from "@certkit/certificates";',
      'import { dnsimple } from "@certkit/certificates/dnsimple";',
      "",
      'const certs = createCertificateClient(dnsimple({ token: "consumer-token", accountId: 1010, baseUrl: "http://127.0.0.1:9" }));',
      "",
      "export async function issue(): Promise<CertificateOrder> {",
      '  const order = await certs.order({ commonName: "www.example.com", altNames: ["example.com"] });',
      '  return waitForStatus(certs, order.id, { until: "issued" });',
      "}",
      "",
      "export function typeErrorsThatMustStay(): void {",
      "  // @ts-expect-error DNSimple's API cannot revoke, so the client has no revoke",
      '  void certs.revoke("1010/example.com/1");',
      "  // @ts-expect-error status is one of the normalized statuses",
      '  const status: CertificateOrder["status"] = "ACTIVE";',
      "  void status;",
      "}",
      "",
    ].join("\n"),
    program: (load) =>
      [
        `const { createCertificateClient } = ${load("@certkit/certificates")};`,
        `const { dnsimple } = ${load("@certkit/certificates/dnsimple")};`,
        'const certs = createCertificateClient(dnsimple({ token: "consumer-token", accountId: 1010, baseUrl: origin }));',
        'const order = await certs.get("1010/example.com/42");',
        "console.log(`${order.commonName} ${order.status} revoke:${certs.capabilities.revoke}`);",
      ].join("\n"),
    answer: {
      data: {
        id: 42,
        domain_id: 5001,
        contact_id: null,
        name: "www",
        common_name: "www.example.com",
        years: 1,
        csr: null,
        state: "requesting",
        auto_renew: false,
        alternate_names: [],
        authority_identifier: "letsencrypt",
        created_at: "2026-11-01T10:00:00Z",
        updated_at: "2026-11-01T10:00:00Z",
        expires_at: null,
        expires_on: null,
      },
    },
    printed: "www.example.com processing revoke:false\n",
  },
  // The sandbox's JavaScript imports no provider package, and its public types copy the few spec types they show:
  // with one provider, it installs no other, and still type-checks without skipLibCheck.
  "only @certkit/sandbox and @certkit/ionos-ssl": {
    install: ["@certkit/sandbox", "@certkit/ionos-ssl"],
    typescript: [
      'import { createIonosSslClient } from "@certkit/ionos-ssl";',
      'import { createSandbox, SandboxClock, type IonosOrder, type SandboxProvider } from "@certkit/sandbox";',
      'import { readSandboxStateFile, startSandboxServer, writeSandboxStateFile } from "@certkit/sandbox/node";',
      "",
      "export async function activeOrders(file: string): Promise<string[]> {",
      '  const sandbox = await createSandbox({ clock: new SandboxClock({ frozenAt: new Date("2026-01-05T10:00:00Z") }), "ionos-ssl": { issuanceDelayMs: 0 } });',
      "  const saved = await readSandboxStateFile(file);",
      "  if (saved) await sandbox.restore(saved);",
      '  const server = await startSandboxServer(sandbox, { cors: ["*"], controlToken: "token" });',
      '  const { data } = await createIonosSslClient(server.clientOptions("ionos-ssl")).GET("/v1/certificates");',
      "  await writeSandboxStateFile(file, await sandbox.snapshot());",
      "  await server.close();",
      '  return (data?.certificates ?? []).filter((certificate) => certificate.status === "ACTIVE").map((certificate) => certificate.id ?? "");',
      "}",
      "",
      "export function typeErrorsThatMustStay(order: IonosOrder): void {",
      "  // @ts-expect-error the sandbox simulates no such provider",
      '  const provider: SandboxProvider = "no-such-provider";',
      "  // @ts-expect-error IONOS certificate types are the spec's",
      '  order.certificateType = "SSL_GOLD";',
      "  void provider;",
      "}",
      "",
    ].join("\n"),
    program: (load) =>
      [
        `const { createSandbox, SandboxClock } = ${load("@certkit/sandbox")};`,
        `const { startSandboxServer } = ${load("@certkit/sandbox/node")};`,
        `const { createIonosSslClient } = ${load("@certkit/ionos-ssl")};`,
        'const sandbox = await createSandbox({ seed: true, clock: new SandboxClock({ frozenAt: new Date("2026-01-05T10:00:00Z") }) });',
        "const sandboxServer = await startSandboxServer(sandbox);",
        'const { data } = await createIonosSslClient(sandboxServer.clientOptions("ionos-ssl")).GET("/v1/certificates");',
        "console.log(data.certificates.map((c) => `${c.commonName} ${c.status}`).join());",
        "await sandboxServer.close();",
      ].join("\n"),
    answer: {},
    printed: "shop.example.com ACTIVE,www.example.org PENDING\n",
  },
};

describe.each(Object.entries(CONSUMERS))("a project that installs %s from the registry", (_what, consumer) => {
  const installed = consumer.install.map((name) => publishable.find(({ manifest }) => manifest.name === name)!);
  let project = "";
  let thirdParty: string[] = [];
  const checks = new Map<string, Promise<{ code: number; output: string }>>();

  beforeAll(() => {
    // The @certkit packages these depend on, and everything third-party the whole set needs at run time.
    const certkitDirs = new Set<string>();
    const addWithCertkitDependencies = (dir: string) => {
      if (certkitDirs.has(dir)) return;
      certkitDirs.add(dir);
      for (const name of Object.keys(readManifest(dir).dependencies ?? {})) {
        const own = publishable.find(({ manifest }) => manifest.name === name);
        if (own) addWithCertkitDependencies(own.dir);
      }
    };
    for (const { dir } of installed) addWithCertkitDependencies(dir);
    thirdParty = publishThirdPartyDependencies([...certkitDirs]);
    project = mkdtempSync(join(tmpdir(), "certkit-consumer-"));
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    const specs = installed.map(({ manifest }) => `${manifest.name}@${manifest.version}`);
    const install = run("npm", ["install", ...specs, "--ignore-scripts"], project);
    if (install.code !== 0) throw new Error(`npm install failed:\n${install.output}`);
    writeFileSync(join(project, "consumer.ts"), consumer.typescript);
    for (const [name, options] of RESOLUTIONS) {
      writeFileSync(
        join(project, `tsconfig.${name}.json`),
        JSON.stringify({
          compilerOptions: { ...options, target: "es2022", strict: true, noEmit: true, skipLibCheck: false, types: [] },
          files: ["consumer.ts"],
        }),
      );
    }
    // The consumer's own server on loopback, answering every request the same.
    const withServer = (load: (name: string) => string) =>
      [
        'const { createServer } = await import("node:http");',
        "const server = createServer((request, response) => {",
        '  response.setHeader("content-type", "application/json");',
        `  response.end(${JSON.stringify(JSON.stringify(consumer.answer))});`,
        "});",
        'await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));',
        "const origin = `http://127.0.0.1:${server.address().port}`;",
        consumer.program(load),
        "server.close();",
        "",
      ].join("\n");
    writeFileSync(
      join(project, "import.mjs"),
      withServer((name) => `await import(${JSON.stringify(name)})`),
    );
    writeFileSync(
      join(project, "require.cjs"),
      `(async () => {\n${withServer((name) => `require(${JSON.stringify(name)})`)}})();\n`,
    );
    // The compilers run side by side: each test below awaits its own.
    for (const [version, tsc] of consumer.typescriptVersions ?? TYPESCRIPT_VERSIONS) {
      for (const [resolution] of RESOLUTIONS)
        checks.set(`${version} ${resolution}`, typeCheck(tsc, ["-p", `tsconfig.${resolution}.json`], project));
    }
    // The sandbox's msw brings a few dozen third-party packages to publish first: minutes on a loaded machine.
  }, 600_000);
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("installs what it asked for, the @certkit packages and third-party code those need, and nothing else", () => {
    const certkit = installedPackages(project).filter((name) => name.startsWith("@certkit/"));
    const others = installedPackages(project).filter((name) => !name.startsWith("@certkit/"));
    expect(certkit).toEqual([...new Set([...consumer.install, "@certkit/runtime"])].sort());
    expect(others).toEqual([...new Set(thirdParty.map((entry) => entry.slice(0, entry.lastIndexOf("@"))))].sort());
  });

  describe.each(consumer.typescriptVersions ?? TYPESCRIPT_VERSIONS)("TypeScript %s", (version, tsc) => {
    it.each(RESOLUTIONS.map(([name]) => name))(
      "type-checks the consumer under moduleResolution %s",
      async (resolution) => {
        const check = await checks.get(`${version} ${resolution}`)!;
        expect(check.output).toBe("");
        expect(check.code).toBe(0);
        expect((await typeCheck(tsc, ["--version"])).output).toContain(`Version ${version}`);
      },
      // Every compiler was started together in beforeAll: on a loaded two-core machine the last one ends minutes later.
      600_000,
    );
  });

  it.each([
    ["an ES module import", "import.mjs"],
    ["require()", "require.cjs"],
  ])("runs under Node through %s", (_how, file) => {
    const result = spawnSync(process.execPath, [file], { cwd: project, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(consumer.printed);
    expect(result.status).toBe(0);
  });
});
