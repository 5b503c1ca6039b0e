const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{1,63}$/;
const MAX_EMAIL_LENGTH = 254;

/** Whether `value` is an email address as an approver's must be written: no spaces, one `@`, a dotted domain, ≤ 254 characters. */
export function isEmailAddress(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_EMAIL_LENGTH && EMAIL.test(value);
}
