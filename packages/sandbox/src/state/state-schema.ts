import * as v from "valibot";

// A time as the simulators store it: `Date.toISOString()`, four-digit year.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/** A time as the simulators store it (`Date.toISOString()`), a real date. */
export const isoTime = v.pipe(
  v.string(),
  v.check(
    (text) => ISO_TIME.test(text) && !Number.isNaN(Date.parse(text)),
    "must be a time written as Date.toISOString() does",
  ),
);

/** A whole number JSON carries exactly. */
export const integer = v.pipe(v.number(), v.safeInteger());

/** An integer id or counter, ≥ 1. */
export const positiveInteger = v.pipe(v.number(), v.safeInteger(), v.minValue(1));

/** An object of optional string fields, all named in `keys` (a form's fields, as an order keeps them). */
export function optionalStrings<const Key extends string>(keys: readonly Key[]) {
  type Entries = Record<Key, v.OptionalSchema<v.StringSchema<undefined>, undefined>>;
  return v.object(Object.fromEntries(keys.map((key) => [key, v.optional(v.string())])) as Entries);
}

/** A certificate the sandbox CA issued, as states keep it. */
export const issuedCertificate = v.object({
  certificate: v.string(),
  intermediate: v.string(),
  root: v.string(),
  serialNumber: v.string(),
  validFrom: isoTime,
  validUntil: isoTime,
});

/**
 * Checks a restored state against its schema, field by field, so that a state file edited by hand or saved by
 * another version is refused at restore instead of failing the first request that reads the bad field. Throws a
 * `TypeError` naming the first bad field.
 */
export function checkState<T>(
  schema: v.GenericSchema<unknown, T>,
  provider: string,
  state: unknown,
): asserts state is T {
  const result = v.safeParse(schema, state);
  if (result.success) return;
  const [issue] = result.issues;
  throw new TypeError(`${provider} sandbox state: ${v.getDotPath(issue) ?? "the state"}: ${issue.message}`);
}
