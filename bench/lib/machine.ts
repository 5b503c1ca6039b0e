// The machine and toolchain a run measured, for the report: figures from two machines are not comparable, and the
// versions say which code was measured.
import { readFileSync } from "node:fs";
import os from "node:os";
import { installedVersion } from "./installed-package.ts";

/** Where a run happened. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  /** The 1, 5 and 15 minute load averages when the run started: other work on the machine shows in the timings. */
  loadAverage: number[];
  node: string;
  versions: Record<string, string>;
}

/** The Linux distribution's name, or the kernel's when there is no /etc/os-release. */
function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1];
    if (pretty) return `${pretty} (${os.type()} ${os.release()} ${os.arch()})`;
  } catch {
    // Not Linux, or no os-release: the kernel's name says enough.
  }
  return `${os.type()} ${os.release()} ${os.arch()}`;
}

/** Describes this machine, this Node, and the tools and libraries the benchmarks compare. */
export function describeMachine(): MachineInfo {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: osName(),
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    node: process.version,
    versions: {
      "TypeScript 6 (typescript)": installedVersion("typescript"),
      "TypeScript 7 (@typescript/native)": installedVersion("@typescript/native"),
      "openapi-fetch": installedVersion("openapi-fetch"),
      "dnsimple (official client)": installedVersion("dnsimple"),
      esbuild: installedVersion("esbuild"),
      undici: installedVersion("undici"),
    },
  };
}
