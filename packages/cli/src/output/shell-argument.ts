/** What a shell takes as one plain word: nothing it would expand, split or quote. */
const PLAIN = /^[\w.,:/@%+=-]+$/;

/**
 * `text` as one argument of a command the user may paste into a shell: as it is when plain, else in single quotes
 * (an order id is the provider's to choose, and `$(...)` in one must not run when the suggested command is pasted).
 */
export function shellArgument(text: string): string {
  return PLAIN.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
