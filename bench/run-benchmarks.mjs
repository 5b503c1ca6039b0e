// The entry of `pnpm bench`. The benchmarks are TypeScript, run by Node's own type stripping; on a Node without it
// this says so in one line instead of failing on the first type annotation.
if (!process.features.typescript) {
  console.error(
    `bench: needs a Node that runs TypeScript files (22.18 or newer; 24 recommended), this is ${process.version}`,
  );
  process.exit(1);
}
await import("./run-all.ts");
