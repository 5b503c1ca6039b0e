// The CLI README's walkthrough, run as a person would: its commands, exactly as written, in a shell on a terminal
// (util-linux `script` gives each one a pseudo-terminal), with a home and a working folder of their own and nothing
// configured. `scripts/record-walkthrough.ts` writes the transcript into the README; the walkthrough test runs it
// again and compares. Imports nothing but Node's own modules, so Node runs it without a build.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const COMMANDS_START = "<!-- walkthrough:commands -->";
const TRANSCRIPT_START = "<!-- walkthrough:transcript -->";
const TRANSCRIPT_END = "<!-- walkthrough:transcript:end -->";
/** In the commands, the id an earlier command printed: `ionos-ssl:ID` stands for `ionos-ssl:<the id it ordered>`. */
const PLACEHOLDER = /\b([a-z0-9-]+):ID\b/g;

/** The fenced block right after `marker` in the README. */
function blockAfter(readme: string, marker: string): string {
  const start = readme.indexOf(marker);
  if (start < 0) throw new Error(`the README has no ${marker}`);
  const fenced = /```[a-z]*\n([\s\S]*?)```/.exec(readme.slice(start));
  if (!fenced) throw new Error(`no code block after ${marker}`);
  return fenced[1]!;
}

/** The walkthrough's commands as the README writes them: each `certkit …` line, without its trailing `# comment`. */
export function walkthroughCommands(readme: string): string[] {
  return blockAfter(readme, COMMANDS_START)
    .split("\n")
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter((line) => line.startsWith("certkit "));
}

/** The transcript the README shows. */
export function readmeTranscript(readme: string): string {
  return blockAfter(readme, TRANSCRIPT_START);
}

/** The README with `transcript` in place of the one it shows. */
export function withTranscript(readme: string, transcript: string): string {
  const start = readme.indexOf(TRANSCRIPT_START);
  const end = readme.indexOf(TRANSCRIPT_END);
  if (start < 0 || end < start) throw new Error(`the README has no ${TRANSCRIPT_START} … ${TRANSCRIPT_END}`);
  return `${readme.slice(0, start)}${TRANSCRIPT_START}\n\`\`\`console\n${transcript}\`\`\`\n${readme.slice(end)}`;
}

/**
 * What a terminal shows once a program is done: a carriage return goes back to the start of the line and `ESC [2K`
 * clears it (how the progress line redraws itself), so only the last drawing of each line remains.
 */
export function screenOf(raw: string): string {
  return raw
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) => (line.split("\r").at(-1) ?? "").replaceAll("\u001b[2K", ""))
    .join("\n");
}

/** One command of the walkthrough, as run: the command line as the README writes it, and what the terminal showed. */
export interface WalkthroughStep {
  command: string;
  screen: string;
  status: number | null;
}

/**
 * Runs the walkthrough's commands in order on a terminal, in a fresh home and folder with nothing configured, where
 * `certkit` is the built CLI at `bin`. An `ionos-ssl:ID` in a command becomes the order an earlier command printed.
 */
export function runWalkthrough(commands: readonly string[], bin: string): WalkthroughStep[] {
  const home = mkdtempSync(join(tmpdir(), "certkit-walkthrough-"));
  const tools = join(home, "bin");
  const work = join(home, "work");
  mkdirSync(tools);
  mkdirSync(work);
  writeFileSync(join(tools, "certkit"), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
  chmodSync(join(tools, "certkit"), 0o755);
  const env = {
    PATH: `${tools}:${process.env.PATH ?? ""}`,
    HOME: home,
    SHELL: "/bin/sh",
    TERM: "dumb",
    LANG: "C.UTF-8",
  };
  const ids = new Map<string, string>();
  const steps: WalkthroughStep[] = [];
  for (const command of commands) {
    const line = command.replace(PLACEHOLDER, (whole, provider: string) => ids.get(provider) ?? whole);
    const run = spawnSync("script", ["-qfec", line, "/dev/null"], {
      cwd: work,
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (run.error) throw run.error;
    const screen = screenOf(run.stdout);
    for (const [, ref, provider] of screen.matchAll(/^ordered (([a-z0-9-]+):\S+)/gm)) ids.set(provider!, ref!);
    steps.push({ command: line, screen, status: run.status });
  }
  return steps;
}

/** The steps as the README shows them: each command after a `$ ` prompt, then what the terminal showed. */
export function transcriptOf(steps: readonly WalkthroughStep[]): string {
  return steps.map((step) => `$ ${step.command}\n${step.screen.replace(/\n*$/, "\n")}`).join("");
}

/**
 * A transcript with what differs from one run to the next replaced by what it stands for: order ids, DNS values,
 * times and dates, and how many looks a wait took.
 */
export function normalizeTranscript(transcript: string): string {
  return transcript
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>")
    .replace(/"[0-9a-f]{16,}"/g, '"<value>"')
    .replace(/\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?/g, "<date>")
    .replace(/\d+(\.\d+)? (ms|s|min|h|d)\b/g, "<time>")
    .replace(/look \d+/g, "look <n>")
    .replace(/\(\d+ days left\)/g, "(<n> days left)");
}
