import type { ErrorResponse } from "@certkit/resello";

/** Messages per request field, as the platform's `request_validation_failed` error carries them. */
export type ReselloFieldErrors = Record<string, string[]>;

/** The message of a required field that is missing, in the platform's wording for field errors. */
export const REQUIRED = "This field is required.";

/** A 400 `request_validation_failed` naming the fields that were refused. */
export function invalidFields(errors: ReselloFieldErrors) {
  return {
    status: 400,
    body: { success: false, error: { code: "request_validation_failed", message: errors } },
  } as const;
}

/** A 400 with a code of the simulator's own, for a request that is well formed but cannot be done now. */
export function refused(code: string, message: string) {
  return { status: 400, body: { success: false, error: { code, message } } } as const;
}

/** The answer to an unknown certificate id. */
export const NOT_FOUND = {
  status: 404,
  body: { success: false, error: { code: "not_found", message: "Not found." } },
} as const;

/** The body of the answer to missing or wrong credentials. */
export const AUTHENTICATION_FAILED: ErrorResponse = { success: false, error: { message: "Authentication failed." } };

/** A 409 in the error envelope: the spec gives the operations that need it (downloads, delete) only `default`. */
export function conflict(code: string, message: string) {
  return { status: 409, body: { success: false, error: { code, message } } satisfies ErrorResponse };
}
