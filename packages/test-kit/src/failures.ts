import { inspect } from "node:util";
import { expect } from "vitest";

/** A failed call's error, with the fields a `CertkitError` carries readable by name. */
export type Failure = Error & Record<string, unknown>;

/** The error a call ends with, whether it was returned as `{ error }` or thrown; a call that succeeds fails the test. */
export async function failureOf(call: Promise<unknown>): Promise<Failure> {
  let outcome: unknown;
  try {
    outcome = await call;
  } catch (thrown) {
    return thrown as Failure;
  }
  const error = (outcome as { error?: unknown } | undefined)?.error;
  if (error === undefined) throw new Error(`expected the call to fail, it gave ${inspect(outcome)}`);
  return error as Failure;
}

/** The error `make` throws; a `make` that returns fails the test. */
export function thrownBy(make: () => unknown): Failure {
  try {
    make();
  } catch (thrown) {
    return thrown as Failure;
  }
  throw new Error("expected it to throw, it returned");
}

/** Every way a failure can be shown: none may hold the secret, nor any 8-character piece of it. */
export function expectNoSecret(secret: string, ...shown: unknown[]): void {
  const text = shown
    .flatMap((value) => {
      const error = value as (Error & { cause?: unknown }) | undefined;
      return [
        String(value),
        JSON.stringify(value),
        inspect(value, { depth: Infinity, showHidden: true }),
        error?.stack,
        inspect(error?.cause, { depth: Infinity }),
      ];
    })
    .join("\n");
  for (let at = 0; at + 8 <= secret.length; at++)
    expect(text, "a piece of the secret was shown").not.toContain(secret.slice(at, at + 8));
}
