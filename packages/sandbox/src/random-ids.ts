/** A random UUID, as providers use for object ids. */
export function randomUuid(): string {
  return crypto.randomUUID();
}

/** A random 32-character hex token, as CAs use for validation values. */
export function randomToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
