// Bundle size: each entry in entries/ bundled for browsers by esbuild (ESM, minified), then compressed with gzip and
// brotli at fixed levels by node:zlib. esbuild's version is pinned, so the bytes only change when code does: the
// same function serves the report and the CI budget test.
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { build, type Metafile } from "esbuild";
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
}

/** Every bundle measured, in report order. */
export const BUNDLES: readonly BundleEntry[] = [
  { id: "ionos-ssl-client", label: "(a) `@certkit/ionos-ssl`, one GET", entry: "bundle-size/entries/ionos-ssl-client.ts" },
  {
    id: "ionos-ssl-client-lean",
    label: "(a') `@certkit/ionos-ssl` with only the steps every client has, one GET",
    entry: "bundle-size/entries/ionos-ssl-client-lean.ts",
  },
  { id: "dnsimple-client", label: "(a) `@certkit/dnsimple`, one GET", entry: "bundle-size/entries/dnsimple-client.ts" },
  { id: "facade-one-adapter", label: "(b) facade + IONOS adapter, `get`", entry: "bundle-size/entries/facade-one-adapter.ts" },
  { id: "facade-all-adapters", label: "(c) facade + all five adapters, `get`", entry: "bundle-size/entries/facade-all-adapters.ts" },
  {
    id: "dnsimple-official",
    label: "(d) `dnsimple` (official), `getCertificate`",
    entry: "bundle-size/entries/dnsimple-official.ts",
    // Its Node transport (`https`, `buffer`) is required at run time only outside browsers; a browser build leaves it out.
    external: ["https", "buffer"],
  },
  { id: "openapi-fetch-bare", label: "reference: bare `openapi-fetch`, one GET", entry: "bundle-size/entries/openapi-fetch-bare.ts" },
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

function largestPackages(metafile: Metafile, count: number): { name: string; bytes: number }[] {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
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

/** Bundles one entry and measures it. */
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
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error(`esbuild produced no output for ${bundle.entry}`);
  return {
    id: bundle.id,
    label: bundle.label,
    minifiedBytes: code.byteLength,
    gzipBytes: gzipSync(code, { level: GZIP_LEVEL }).byteLength,
    brotliBytes: brotliCompressSync(code, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: code.byteLength,
      },
    }).byteLength,
    largestPackages: largestPackages(result.metafile, 3),
  };
}

/** Measures every bundle of {@link BUNDLES}. */
export async function measureBundles(): Promise<BundleSize[]> {
  const sizes: BundleSize[] = [];
  for (const bundle of BUNDLES) sizes.push(await measureBundle(bundle));
  return sizes;
}
