// Text from a provider (names, statuses, error messages) is printed, so a hostile or broken provider could otherwise
// move the cursor, rewrite earlier lines, change the terminal's title or hide text with terminal escape sequences.

/**
 * Characters a terminal acts on rather than shows: C0 controls (ESC, CR, LF, BEL...) but tab, DEL, C1 controls (a
 * lone U+009B is CSI on some terminals), and the bidirectional overrides and isolates that reorder what is shown.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The controls `JSON.stringify` leaves raw (it escapes those below U+0020 itself, and its own layout uses LF). */
const CONTROL_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex = (character: string, width: number) => character.charCodeAt(0).toString(16).padStart(width, "0");

/** One line of text, safe for a terminal: every control character is shown escaped (`\x1b`, `\u202e`), never acted on. */
export function printable(text: string): string {
  return text.replace(CONTROL, (character) =>
    character <= "\u00ff" ? `\\x${hex(character, 2)}` : `\\u${hex(character, 4)}`,
  );
}

/**
 * `JSON.stringify`'s output with the control characters it leaves raw escaped as `\uXXXX`: the same JSON value, but
 * nothing in it a terminal acts on when the JSON is printed.
 */
export function printableJson(json: string): string {
  return json.replace(CONTROL_IN_JSON, (character) => `\\u${hex(character, 4)}`);
}
