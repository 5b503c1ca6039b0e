import { createRedactor, type Redactor } from "@certkit/runtime";

/** A stream the CLI writes to: `process.stdout`/`process.stderr`, or a stand-in. */
export interface TextStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Everything the CLI prints goes through here, with every known credential removed: results on stdout (text, or
 * JSON with `--json`), notes and progress on stderr so that stdout stays the result.
 */
export class Output {
  #redactor: Redactor = createRedactor([]);
  #progressShown = false;

  constructor(
    readonly stdout: TextStream,
    readonly stderr: TextStream,
    readonly flags: { json: boolean; verbose: boolean },
  ) {}

  /** Adds credentials to remove from everything printed from now on. */
  addSecrets(secrets: readonly string[]): void {
    this.#redactor.add(secrets);
  }

  /** A line of the result, in text mode; nothing with `--json`. */
  line(text = ""): void {
    if (!this.flags.json) this.#write(this.stdout, `${text}\n`);
  }

  /** The result as JSON, with `--json`; nothing otherwise. */
  json(value: unknown): void {
    if (this.flags.json) this.#write(this.stdout, `${JSON.stringify(this.#redactor.value(value), null, 2)}\n`);
  }

  /** A note for the person at the terminal, on stderr. */
  note(text: string): void {
    this.#write(this.stderr, `${text}\n`);
  }

  /** Detail shown only with `--verbose`, on stderr. */
  verbose(text: string): void {
    if (this.flags.verbose) this.note(text);
  }

  /** A progress line: redrawn in place on a terminal, one line per update otherwise. */
  progress(text: string): void {
    if (this.stderr.isTTY) {
      this.#write(this.stderr, `\r\x1b[2K${text}`);
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
