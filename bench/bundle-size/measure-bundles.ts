// Bundle size: each entry in entries/ bundled for browsers by esbuild (ESM, minified), then compressed with gzip and
// brotli at fixed levels by node:zlib. esbuild's version is pinned, so the bytes only change when code does: the
// same function serves the report and the CI budget test. Entries of code that loads parts on demand (`import()`)
// are bundled as an application's bundler does, with code splitting, and their up-front and lazy parts measured
// apart: one file with everything would hide what a reader of orders never loads.
import { relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { build, type Metafile, type OutputFile } from "esbuild";
import { benchRoot } from "../lib/installed-package.ts";

/** One bundle the benchmark measures. */
export interface BundleEntry {
  /** Its key in budgets.json and results.json. */
  id: string;
  label: string;
  /** The entry file, relative to bench/. */
  entry: string;
  /** Imports left out of the bundle (Node modules a browser bundle cannot contain). */
  external?: readonly string[];
  /**
   * Bundle with code splitting and measure one part: `up-front`, the entry's chunk and every chunk it imports
   * statically (what loads before the code runs), or `lazy`, every chunk only reached through `import()`. Each chunk
   * is compressed on its own, as a server sends it. Default: one file, all of it.
   */
  split?: "up-front" | "lazy";
}

/** Every bundle measured, in report order. */
export const BUNDLES: readonly BundleEntry[] = [
  {
    id: "ionos-ssl-client",
    label: "(a) `@certkit/ionos-ssl`, one GET",
    entry: "bundle-size/entries/ionos-ssl-client.ts",
  },
  {
    id: "ionos-ssl-client-lean",
    label: "(a') `@certkit/ionos-ssl` with only the steps every client has, one GET",
    entry: "bundle-size/entries/ionos-ssl-client-lean.ts",
  },
  { id: "dnsimple-client", label: "(a) `@certkit/dnsimple`, one GET", entry: "bundle-size/entries/dnsimple-client.ts" },
  {
    id: "facade-one-adapter",
    label: "(b) facade + IONOS adapter, `get` and `list`, up front",
    entry: "bundle-size/entries/facade-one-adapter.ts",
    split: "up-front",
  },
  {
    id: "facade-all-adapters",
    label: "(c) facade + all five adapters, `get`, up front",
    entry: "bundle-size/entries/facade-all-adapters.ts",
    split: "up-front",
  },
  {
    id: "facade-order-download",
    label: "(e) facade + IONOS adapter, `order` and `download`, up front",
    entry: "bundle-size/entries/facade-order-download.ts",
    split: "up-front",
  },
  {
    id: "facade-order-download-lazy",
    label: "(e) the same, loaded on first `order` with a CSR or `download` (X.509)",
    entry: "bundle-size/entries/facade-order-download.ts",
    split: "lazy",
  },
  {
    id: "dnsimple-official",
    label: "(d) `dnsimple` (official), `getCertificate`",
    entry: "bundle-size/entries/dnsimple-official.ts",
    // Its Node transport (`https`, `buffer`) is required at run time only outside browsers; a browser build leaves it out.
    external: ["https", "buffer"],
  },
  {
    id: "openapi-fetch-bare",
    label: "reference: bare `openapi-fetch`, one GET",
    entry: "bundle-size/entries/openapi-fetch-bare.ts",
  },
];

/** The sizes of one bundle, in bytes, and the packages that make up most of it. */
export interface BundleSize {
  id: string;
  label: string;
  minifiedBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** The packages (or `bench` for the entry itself) with the most bytes in the output, largest first. */
  largestPackages: { name: string; bytes: number }[];
}

// The strongest settings of each format, fixed so the figures do not move with a library's defaults.
const GZIP_LEVEL = 9;
const BROTLI_QUALITY = 11;

/** Which package a bundled file belongs to: its name under the last node_modules, else the workspace package. */
function packageOf(path: string): string {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(path);
  if (inModules) return inModules[1]!;
  const workspace = /(?:^|\/)packages\/([^/]+)\//.exec(path);
  return workspace ? `@certkit/${workspace[1]}` : "bench";
}

function largestPackages(
  metafile: Metafile,
  outputs: ReadonlySet<string>,
  count: number,
): { name: string; bytes: number }[] {
  const bytes = new Map<string, number>();
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (!outputs.has(path)) continue;
    for (const [path, input] of Object.entries(output.inputs)) {
      const name = packageOf(path);
      bytes.set(name, (bytes.get(name) ?? 0) + input.bytesInOutput);
    }
  }
  return [...bytes]
    .map(([name, size]) => ({ name, bytes: size }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}

const gzipBytes = (code: Uint8Array) => gzipSync(code, { level: GZIP_LEVEL }).byteLength;
const brotliBytes = (code: Uint8Array) =>
  brotliCompressSync(code, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: code.byteLength,
    },
  }).byteLength;

/**
 * The outputs loaded before `entryPoint` runs: its own chunk and, transitively, every chunk it imports statically.
 * (A module only reached by `import()` is an entry point of its own chunk too.)
 */
function upFrontOutputs(metafile: Metafile, entryPoint: string): Set<string> {
  const entry = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint === entryPoint)?.[0];
  if (entry === undefined) throw new Error(`esbuild produced no chunk for ${entryPoint}`);
  const loaded = new Set<string>();
  const visit = (path: string) => {
    if (loaded.has(path)) return;
    loaded.add(path);
    for (const imported of metafile.outputs[path]?.imports ?? [])
      if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
  };
  visit(entry);
  return loaded;
}

/** Bundles one entry and measures it (or, for a split entry, its up-front or its lazy part). */
export async function measureBundle(bundle: BundleEntry): Promise<BundleSize> {
  const result = await build({
    absWorkingDir: benchRoot,
    entryPoints: [bundle.entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    legalComments: "none",
    external: [...(bundle.external ?? [])],
    write: false,
    metafile: true,
    logLevel: "silent",
    ...(bundle.split === undefined ? {} : { splitting: true, outdir: "dist-bundle-size" }),
  });
  if (result.outputFiles.length === 0) throw new Error(`esbuild produced no output for ${bundle.entry}`);
  // Without splitting there is one file; with it, the part asked for. Metafile outputs are named relative to benchRoot.
  const relativePath = (file: OutputFile) => relative(benchRoot, file.path);
  const upFront = bundle.split === undefined ? undefined : upFrontOutputs(result.metafile, bundle.entry);
  const inPart = (path: string) =>
    upFront === undefined || (bundle.split === "lazy" ? !upFront.has(path) : upFront.has(path));
  const measured = new Set(Object.keys(result.metafile.outputs).filter((path) => path.endsWith(".js") && inPart(path)));
  const files =
    upFront === undefined ? result.outputFiles : result.outputFiles.filter((file) => measured.has(relativePath(file)));
  const sum = (size: (code: Uint8Array) => number) => files.reduce((total, file) => total + size(file.contents), 0);
  return {
    id: bundle.id,
    label: bundle.label,
    minifiedBytes: sum((code) => code.byteLength),
    gzipBytes: sum(gzipBytes),
    brotliBytes: sum(brotliBytes),
    largestPackages: largestPackages(result.metafile, measured, 3),
  };
}

/** Measures every bundle of {@link BUNDLES}. */
export async function measureBundles(): Promise<BundleSize[]> {
  const sizes: BundleSize[] = [];
  for (const bundle of BUNDLES) sizes.push(await measureBundle(bundle));
  return sizes;
}
