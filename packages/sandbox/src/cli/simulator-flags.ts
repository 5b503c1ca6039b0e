// The bin's simulator settings: `--issuance-delay [PROVIDER=]DURATION` and `--rate-limit [PROVIDER=]N/DURATION`,
// read into createSandbox options.
import { ALL_SIMULATORS, SANDBOX_PROVIDERS, type SandboxProvider } from "../providers.js";
import type { SandboxSimulatorSettings } from "../sandbox.js";

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
// Longer than any real delay or window, short enough that sandbox time plus it stays a valid date.
const LONGEST_MS = 365 * UNIT_MS.d;
// The simulators that enforce a request budget: those with a default one.
const RATE_LIMITED = ALL_SIMULATORS.flatMap((simulator) => {
  const budget = (simulator.defaults as { rateLimit?: { limit: number; windowMs: number } }).rateLimit;
  return budget === undefined ? [] : [{ provider: simulator.name, budget }];
});
const RATE_LIMITED_PROVIDERS: readonly SandboxProvider[] = RATE_LIMITED.map(({ provider }) => provider);

/** `90000` as `90s`, `3600000` as `1h`: the largest unit that writes `ms` as a whole number. */
function formatDuration(ms: number): string {
  const [unit, size] = Object.entries(UNIT_MS)
    .reverse()
    .find(([, size]) => ms % size === 0) ?? ["ms", 1];
  return `${ms / size}${unit}`;
}

/** The providers that enforce a request budget, with their defaults: `dnsimple 2400/1h`. */
export function rateLimitDefaults(): string {
  return RATE_LIMITED.map(
    ({ provider, budget }) => `${provider} ${budget.limit}/${formatDuration(budget.windowMs)}`,
  ).join(", ");
}

/** A flag value the bin cannot use; its message is one line for stderr. */
export class FlagError extends Error {
  override readonly name = "FlagError";
}

/** `500ms`, `30s`, `5m`, `1h`, `2d` or `0`, in milliseconds. */
export function parseDuration(flag: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text);
  const ms = text === "0" ? 0 : match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : Number.NaN;
  if (Number.isNaN(ms)) throw new FlagError(`${flag}: "${text}" is not a duration (e.g. 0, 500ms, 30s, 5m, 1h)`);
  if (ms > LONGEST_MS) throw new FlagError(`${flag}: ${text} is longer than the 365d the sandbox takes`);
  return Math.round(ms);
}

/** Splits `PROVIDER=VALUE` (one provider) from `VALUE` (every provider). */
function perProvider(flag: string, text: string): { providers: readonly SandboxProvider[]; value: string } {
  const equals = text.indexOf("=");
  if (equals < 0) return { providers: SANDBOX_PROVIDERS, value: text };
  const name = text.slice(0, equals);
  if (!SANDBOX_PROVIDERS.includes(name as SandboxProvider)) {
    throw new FlagError(`${flag}: "${name}" is not a provider of the sandbox (${SANDBOX_PROVIDERS.join(", ")})`);
  }
  return { providers: [name as SandboxProvider], value: text.slice(equals + 1) };
}

/** The delays `--issuance-delay` values set, later values winning: `60s` for every provider, `dnsimple=5s` for one. */
export function issuanceDelays(values: readonly string[]): Partial<Record<SandboxProvider, number>> {
  const delays: Partial<Record<SandboxProvider, number>> = {};
  for (const text of values) {
    const { providers, value } = perProvider("--issuance-delay", text);
    const ms = parseDuration("--issuance-delay", value);
    for (const provider of providers) delays[provider] = ms;
  }
  return delays;
}

/** The budgets `--rate-limit` values set: `100/1m` for every provider that enforces one, `dnsimple=100/1m` for one. */
export function rateLimits(
  values: readonly string[],
): Partial<Record<SandboxProvider, { limit: number; windowMs: number }>> {
  const limits: Partial<Record<SandboxProvider, { limit: number; windowMs: number }>> = {};
  for (const text of values) {
    const { providers, value } = perProvider("--rate-limit", text);
    const match = /^(\d+)\/(.+)$/.exec(value);
    const limit = Number(match?.[1]);
    if (!match || !Number.isSafeInteger(limit) || limit < 1) {
      throw new FlagError(`--rate-limit: "${value}" is not a budget: write REQUESTS/DURATION, e.g. 2400/1h`);
    }
    const windowMs = parseDuration("--rate-limit", match[2]!);
    if (windowMs === 0) throw new FlagError("--rate-limit: the window must be longer than 0");
    const chosen = providers.filter((provider) => RATE_LIMITED_PROVIDERS.includes(provider));
    if (chosen.length === 0) {
      throw new FlagError(
        `--rate-limit: the ${providers[0]} simulator enforces no rate limit (only ${RATE_LIMITED_PROVIDERS.join(", ")} does)`,
      );
    }
    for (const provider of chosen) limits[provider] = { limit, windowMs };
  }
  return limits;
}

/** The createSandbox settings that the flags' delays and budgets make, for the providers they name. */
export function simulatorOptions(
  delays: Partial<Record<SandboxProvider, number>>,
  limits: Partial<Record<SandboxProvider, { limit: number; windowMs: number }>>,
): SandboxSimulatorSettings {
  const settings: Record<string, object> = {};
  for (const provider of SANDBOX_PROVIDERS) {
    const delay = delays[provider];
    const limit = limits[provider];
    settings[provider] = {
      ...(delay === undefined ? {} : { issuanceDelayMs: delay }),
      ...(limit === undefined ? {} : { rateLimit: limit }),
    };
  }
  return settings;
}
