import { createRedactor, type Redactor } from "@certkit/runtime";
import { printable, printableJson } from "./printable.js";

/** A stream the CLI writes to: `process.stdout`/`process.stderr`, or a stand-in. */
export interface TextStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Everything the CLI prints goes through here, with every known credential removed and every control character
 * escaped (see {@link printable}): results on stdout (text, or JSON with `--json`), notes and progress on stderr so
 * that stdout stays the result.
 */
export class Output {
  #redactor: Redactor = createRedactor([]);
  #progressShown = false;

  constructor(
    readonly stdout: TextStream,
    readonly stderr: TextStream,
    readonly flags: { json: boolean; verbose: boolean },
  ) {}

  /** Whether a person watches stderr (a terminal), so a progress line can be redrawn in place. */
  get interactive(): boolean {
    return this.stderr.isTTY === true;
  }

  /** Adds credentials to remove from everything printed from now on. */
  addSecrets(secrets: readonly string[]): void {
    this.#redactor.add(secrets);
  }

  /** A line of the result, in text mode; nothing with `--json`. */
  line(text = ""): void {
    if (!this.flags.json) this.#write(this.stdout, `${printable(text)}\n`);
  }

  /** The result as JSON, with `--json`; nothing otherwise. */
  json(value: unknown): void {
    if (this.flags.json)
      this.#write(this.stdout, `${printableJson(JSON.stringify(this.#redactor.value(value), null, 2))}\n`);
  }

  /** A note for the person at the terminal, on stderr, on a line of its own (above a progress line being drawn). */
  note(text: string): void {
    this.endProgress();
    this.#write(this.stderr, `${printable(text)}\n`);
  }

  /** Detail shown only with `--verbose`, on stderr. */
  verbose(text: string): void {
    if (this.flags.verbose) this.note(text);
  }

  /** A progress line: redrawn in place on a terminal, one line per update otherwise. */
  progress(text: string): void {
    if (this.interactive) {
      this.#write(this.stderr, `\r\x1b[2K${printable(text)}`);
      this.#progressShown = true;
    } else {
      this.note(text);
    }
  }

  /** Ends a progress line drawn in place, so what follows starts on a line of its own. */
  endProgress(): void {
    if (this.#progressShown) this.#write(this.stderr, "\n");
    this.#progressShown = false;
  }

  #write(stream: TextStream, text: string): void {
    stream.write(this.#redactor.text(text));
  }
}
