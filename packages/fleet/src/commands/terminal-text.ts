// A certificate's last error is a provider's or a hook's text: printed as is, it could move the cursor, retitle the
// terminal or reorder what is shown with escape sequences and bidirectional overrides.

/** C0 controls but tab, DEL, C1 controls, line and paragraph separators, and the bidirectional overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escaped = (character: string) => {
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};

/** Text for one line of a terminal: every control character shown escaped (`\x1b`, `\u202e`), never acted on. */
export function terminalText(text: string): string {
  return text.replace(CONTROL, escaped);
}

/** JSON of `value` with nothing in it a terminal acts on (`JSON.stringify` escapes only the controls below U+0020). */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value).replace(
    CONTROL,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
