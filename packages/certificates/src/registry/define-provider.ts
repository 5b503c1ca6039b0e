import type { CertificateAdapter } from "../adapter.js";
import type { Capabilities } from "../capabilities.js";
import type { CertificateStatus, ProviderName } from "../certificate-order.js";

/** One adapter option a program may set from outside the code: the CLI reads it from its environment variable. */
export interface ProviderOption {
  /** The adapter option it sets (a key of the adapter factory's options). */
  readonly option: string;
  /** The environment variable the CLI reads it from. */
  readonly env: `CERTKIT_${string}`;
  /** How the text of the variable becomes the option's value: `integer` and `json` are parsed, `text` taken as it is. */
  readonly type: "text" | "integer" | "json";
  /** Part of the credentials: a provider counts as configured when every credential option is set. */
  readonly credential: boolean;
  /** A secret: never printed, and removed from verbose output. */
  readonly secret: boolean;
}

/** Where a provider and its API are documented. */
export interface ProviderDocs {
  /** The provider's own site. */
  readonly homepage: string;
  /** The API's reference. */
  readonly apiDocs: string;
  /** How a request proves who sends it, in a few words. */
  readonly auth: string;
}

/** How a provider's statuses become certkit's, as the README tables show them. */
export interface ProviderStatuses {
  /** The provider's raw status values, each with the status it maps to. */
  readonly table: Readonly<Record<string, CertificateStatus>>;
  /** Statuses derived from other fields than a status value, each with its rule in words. */
  readonly derived?: Readonly<Partial<Record<CertificateStatus, string>>>;
}

/**
 * What {@link defineProvider} takes: every fact of one provider, stated once. The adapter factory keeps its own
 * option type here; the descriptor's {@link ProviderDescriptor.createAdapter} hands it settings read from outside.
 */
export interface ProviderDefinition<N extends ProviderName, C extends Capabilities, Options> {
  /** The provider's name: its client package's folder name, and `order.provider`. */
  readonly name: N;
  /** How people write the provider's name (`IONOS SSL`). */
  readonly displayName: string;
  /** The client package the adapter runs on: an optional peer dependency of `@certkit/certificates`. */
  readonly clientPackage: `@certkit/${N}`;
  /** The API's name as its provider calls it. */
  readonly apiName: string;
  readonly docs: ProviderDocs;
  readonly capabilities: C;
  readonly statuses: ProviderStatuses;
  /** Whether the provider keeps an order's `clientReference`, so that a lost order is found by it exactly. */
  readonly keepsClientReference: boolean;
  /** What a lost order is looked for by (`findOrders`), in words, for the README. */
  readonly recovery: string;
  /** The options a program may set from outside, credentials first. */
  readonly options: readonly ProviderOption[];
  /** The adapter factory exported by the provider's subpath. */
  readonly adapter: (options: Options) => CertificateAdapter<C, N>;
}

/** One provider as the registry (`@certkit/certificates/providers`) lists it. */
export interface ProviderDescriptor<N extends ProviderName = ProviderName, C extends Capabilities = Capabilities>
  extends Omit<ProviderDefinition<N, C, never>, "adapter"> {
  /**
   * The adapter, from settings read from outside the code (a config file, the environment): they are handed to the
   * adapter factory as they are, and the factory (with its client's) checks every one before any request.
   *
   * @throws CertkitError `INVALID_INPUT` naming the option when one is missing or malformed.
   */
  createAdapter(settings: Readonly<Record<string, unknown>>): CertificateAdapter<C, N>;
}

/**
 * Declares a provider for the registry: the descriptor of `src/providers/<name>/<name>-provider.ts`, collected by
 * `scripts/generate-registry.mjs` into `@certkit/certificates/providers`.
 *
 * @example
 * ```ts
 * export const exampleProvider = defineProvider({ name: "example", displayName: "Example", …, adapter: example });
 * ```
 */
export function defineProvider<N extends ProviderName, C extends Capabilities, Options>(
  definition: ProviderDefinition<N, C, Options>,
): ProviderDescriptor<N, C> {
  const { adapter, ...facts } = definition;
  return Object.freeze({
    ...facts,
    // Settings from outside are unchecked by nature: the adapter's factory checks each option at run time (and throws
    // INVALID_INPUT naming it), which is the one place the unchecked type meets the checked one.
    createAdapter: (settings: Readonly<Record<string, unknown>>) => adapter(settings as Options),
  });
}
