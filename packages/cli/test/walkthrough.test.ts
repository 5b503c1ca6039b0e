import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CERTKIT_BIN } from "./support/run-certkit.js";
import {
  normalizeTranscript,
  readmeTranscript,
  runWalkthrough,
  transcriptOf,
  walkthroughCommands,
} from "./support/walkthrough.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("the README's walkthrough", { timeout: 120_000 }, () => {
  it("runs as written on a terminal with nothing configured, and prints what the README's transcript shows", () => {
    const commands = walkthroughCommands(readme);
    expect(commands.map((command) => command.split(" ").slice(0, 2).join(" "))).toEqual([
      "certkit order",
      "certkit sandbox",
      "certkit validate",
      "certkit wait",
      "certkit download",
    ]);
    const steps = runWalkthrough(commands, CERTKIT_BIN);
    for (const step of steps)
      expect({ command: step.command, status: step.status, screen: step.screen }).toMatchObject({ status: 0 });
    // Every id placeholder was replaced by the order the first command made.
    expect(steps.slice(1).every((step) => /ionos-ssl:[0-9a-f-]{36}$/.test(step.command))).toBe(true);
    expect(normalizeTranscript(transcriptOf(steps))).toBe(normalizeTranscript(readmeTranscript(readme)));
  });

  it("the transcript is a real one: ids, a DNS value and the files written, as the CLI prints them", () => {
    const transcript = readmeTranscript(readme);
    expect(transcript).toMatch(/^\$ certkit order shop\.example\.com --provider ionos-ssl --generate-key$/m);
    expect(transcript).toMatch(/^ordered ionos-ssl:[0-9a-f-]{36} \(shop\.example\.com\): awaiting_validation$/m);
    expect(transcript).toMatch(/^ {6}_dnsauth\.shop\.example\.com {2}TXT {2}"[0-9a-f]{32}"$/m);
    expect(transcript).toMatch(/^ {2}shop\.example\.com\/fullchain\.pem$/m);
  });
});
