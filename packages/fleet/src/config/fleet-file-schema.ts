import { normalizeDomainName, PROVIDER_NAMES } from "@certkit/certificates";
import { join, resolve } from "node:path";
import { CronExpressionParser } from "cron-parser";
import { z } from "zod";
import { parseDuration } from "./duration.js";

/** The providers a fleet can use: every provider of the registry, by the name of its certkit package. */
export const FLEET_PROVIDERS = PROVIDER_NAMES;

/** Key types the fleet can make for a CSR (those every CA accepts). */
export const FLEET_KEY_TYPES = ["rsa-2048", "rsa-3072", "ec-p256", "ec-p384"] as const;

// Option names that hold credentials: they come from the environment (`env`), never from the file or the database.
const CREDENTIAL_OPTION = /(key|token|secret|password|credential|otp)$/i;

const duration = z.string().transform((text, context) => {
  const ms = parseDuration(text);
  if (ms === undefined) {
    context.addIssue({
      code: "custom",
      message: `"${text}" is not a duration: write a whole number and s, m, h or d (e.g. 30d)`,
    });
    return z.NEVER;
  }
  return ms;
});

const fileMode = z
  .string()
  .regex(/^0?[0-7]{3}$/, 'a file mode is three octal digits, e.g. "0600"')
  .transform((text) => Number.parseInt(text, 8));

const domainName = z.string().transform((name, context) => {
  const checked = normalizeDomainName(name);
  if (!checked.ok) {
    context.addIssue({ code: "custom", message: `"${name}" is not a certificate name: ${checked.problem}` });
    return z.NEVER;
  }
  return checked.name;
});

const command = z.array(z.string().min(1)).min(1, "a command is a list: the program, then its arguments");

const sandboxUrl = z.url({ protocol: /^https?$/, error: "a sandbox URL is http(s)://host:port" });

/** How validation records are published. */
const publisherSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("sandbox"), url: sandboxUrl }),
  z.strictObject({ type: z.literal("command"), command }),
]);

/** Where an issued certificate goes. */
const deliverySchema = z.union([
  z.strictObject({
    files: z.strictObject({
      dir: z.string().min(1),
      certificateMode: fileMode.default(0o644),
      keyMode: fileMode.default(0o600),
    }),
  }),
  z.strictObject({ command }),
]);

/** One provider account: its adapter's options, the variables its credentials come from, or a sandbox. */
const accountSchema = z
  .strictObject({
    provider: z.enum(FLEET_PROVIDERS),
    options: z.record(z.string(), z.unknown()).default({}),
    env: z.record(z.string(), z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "an environment variable name")).default({}),
    sandbox: sandboxUrl.optional(),
    concurrency: z.number().int().min(1).max(100).optional(),
  })
  .superRefine((account, context) => {
    for (const option of Object.keys(account.options)) {
      if (CREDENTIAL_OPTION.test(option)) {
        context.addIssue({
          code: "custom",
          path: ["options", option],
          message: `"${option}" is a credential: name the environment variable that holds it under env instead`,
        });
      }
    }
  });

const certificateSchema = z.strictObject({
  key: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, "a key is 1 to 128 letters, digits, '.', '_' or '-'"),
  names: z.array(domainName).min(1, "a certificate needs at least one name"),
  account: z.string().min(1),
  product: z.string().min(1).optional(),
  validation: z.enum(["dns", "file", "email"]).optional(),
  keyType: z.enum(FLEET_KEY_TYPES).optional(),
  renewBefore: duration.optional(),
  deliver: deliverySchema.optional(),
  publisher: publisherSchema.optional(),
});

const defaultsSchema = z.strictObject({
  keyType: z.enum(FLEET_KEY_TYPES).optional(),
  renewBefore: duration.optional(),
  deliver: deliverySchema.optional(),
  publisher: publisherSchema.optional(),
});

// Far past any real schedule (six fields of lists and ranges), well short of feeding a parser's patterns megabytes.
const MAX_CRON_LENGTH = 256;

/**
 * What is wrong with a cron expression, read as pg-boss reads a schedule's (cron-parser, UTC, not strict), or
 * `undefined`: so that the file is refused when it is checked, not when a worker starts. Blank is refused, as pg-boss
 * refuses it (cron-parser would read it as every minute).
 */
function cronProblem(expression: string): string | undefined {
  if (expression.trim() === "") return "it is blank";
  if (expression.length > MAX_CRON_LENGTH) return `it is longer than ${MAX_CRON_LENGTH} characters`;
  // pg-boss also runs RRULE schedules; the fleet file documents cron alone, and says so rather than "invalid alias".
  if (/^\s*(RRULE:|DTSTART|FREQ=)/i.test(expression)) return "an RRULE is not taken here";
  try {
    CronExpressionParser.parse(expression, { tz: "UTC", strict: false });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Pacing, for every worker that reads the file (see `FleetTiming`). */
const timingSchema = z.strictObject({
  waitInterval: duration.optional(),
  maxWaitInterval: duration.optional(),
  recoveryGrace: duration.optional(),
  // pg-boss refuses a longer one when it starts.
  supervise: duration.refine((ms) => ms <= 86_400_000, "at most 24h: how often stalled jobs are looked for").optional(),
  retryDelay: duration.optional(),
  sweep: z
    .string()
    .superRefine((expression, context) => {
      const problem = cronProblem(expression);
      if (problem !== undefined)
        context.addIssue({ code: "custom", message: `a cron expression, e.g. */5 * * * *: ${problem}` });
    })
    .optional(),
});

/** The fleet file as written: accounts, defaults and certificates. */
export const fleetFileSchema = z
  .strictObject({
    accounts: z.record(
      z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "an account name is letters, digits, '.', '_' or '-'"),
      accountSchema,
    ),
    defaults: defaultsSchema.default({}),
    timing: timingSchema.default({}),
    certificates: z.array(certificateSchema),
  })
  .superRefine((file, context) => {
    const seen = new Map<string, number>();
    const folders = new Map<string, number>();
    file.certificates.forEach((certificate, index) => {
      // Two certificates in one folder would each replace the other's files: a certificate beside another's key.
      const deliver = certificate.deliver ?? file.defaults.deliver;
      const folder =
        deliver === undefined || !("files" in deliver)
          ? undefined
          : resolve(certificate.deliver === undefined ? join(deliver.files.dir, certificate.key) : deliver.files.dir);
      const sharing = folder === undefined ? undefined : folders.get(folder);
      if (sharing !== undefined) {
        context.addIssue({
          code: "custom",
          path: ["certificates", index, "deliver"],
          message: `delivers into ${folder}, as certificate ${sharing + 1} does: each would replace the other's files`,
        });
      }
      if (folder !== undefined && sharing === undefined) folders.set(folder, index);
      const first = seen.get(certificate.key);
      if (first !== undefined) {
        context.addIssue({
          code: "custom",
          path: ["certificates", index, "key"],
          message: `key "${certificate.key}" is already used by certificate ${first + 1}`,
        });
      }
      seen.set(certificate.key, index);
      if (!Object.hasOwn(file.accounts, certificate.account)) {
        context.addIssue({
          code: "custom",
          path: ["certificates", index, "account"],
          message: `no account "${certificate.account}" under accounts`,
        });
      }
      if (certificate.deliver === undefined && file.defaults.deliver === undefined) {
        context.addIssue({
          code: "custom",
          path: ["certificates", index],
          message: "no deliver: give one here or under defaults",
        });
      }
      if (certificate.publisher === undefined && file.defaults.publisher === undefined) {
        context.addIssue({
          code: "custom",
          path: ["certificates", index],
          message: "no publisher: give one here or under defaults",
        });
      }
    });
  });

/** A fleet file after reading: durations in milliseconds, modes as numbers, names in the form orders send. */
export type FleetFile = z.output<typeof fleetFileSchema>;
/** One provider account of a {@link FleetFile}. */
export type FleetAccount = FleetFile["accounts"][string];
/** How validation records are published: the sandbox's control API, or a command. */
export type PublisherSpec = z.output<typeof publisherSchema>;
/** Where an issued certificate goes: files, or a command. */
export type DeliverySpec = z.output<typeof deliverySchema>;
/** A key type the fleet can make. */
export type FleetKeyType = (typeof FLEET_KEY_TYPES)[number];
/** A provider a fleet can use. */
export type FleetProvider = (typeof FLEET_PROVIDERS)[number];
