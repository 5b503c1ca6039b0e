import type { ProviderName } from "@certkit/certificates";

/** One environment variable that configures a provider: which adapter option it sets, and how to read it. */
export interface ProviderVariable {
  name: string;
  provider: ProviderName;
  /** The adapter factory's option it sets (see `@certkit/certificates`' adapters). */
  option: string;
  /** `integer` and `json` values are parsed; anything else is taken as text. */
  type: "text" | "integer" | "json";
  /** Set only by credentials: a provider counts as configured when all of its credential variables are set. */
  credential: boolean;
  /** A secret: never printed, and removed from verbose output. */
  secret: boolean;
}

const variable = (name: string, provider: ProviderName, option: string, extra: Partial<ProviderVariable> = {}): ProviderVariable => ({
  name,
  provider,
  option,
  type: "text",
  credential: false,
  secret: false,
  ...extra,
});

/** Every variable the CLI reads for providers, in the order the README documents them. */
export const PROVIDER_VARIABLES: readonly ProviderVariable[] = [
  variable("CERTKIT_IONOS_API_KEY", "ionos-ssl", "apiKey", { credential: true, secret: true }),
  variable("CERTKIT_IONOS_BASE_URL", "ionos-ssl", "baseUrl"),
  variable("CERTKIT_IONOS_PRODUCT", "ionos-ssl", "defaultProduct"),
  variable("CERTKIT_DNSIMPLE_TOKEN", "dnsimple", "token", { credential: true, secret: true }),
  variable("CERTKIT_DNSIMPLE_ACCOUNT_ID", "dnsimple", "accountId", { type: "integer" }),
  variable("CERTKIT_DNSIMPLE_BASE_URL", "dnsimple", "baseUrl"),
  variable("CERTKIT_DNSIMPLE_V1_EMAIL", "dnsimple-v1", "email", { credential: true }),
  variable("CERTKIT_DNSIMPLE_V1_TOKEN", "dnsimple-v1", "token", { credential: true, secret: true }),
  variable("CERTKIT_DNSIMPLE_V1_CONTACT_ID", "dnsimple-v1", "contactId", { type: "integer" }),
  variable("CERTKIT_DNSIMPLE_V1_BASE_URL", "dnsimple-v1", "baseUrl"),
  variable("CERTKIT_RESELLO_RESELLER_REFERENCE", "resello", "resellerReference", { credential: true }),
  variable("CERTKIT_RESELLO_API_KEY", "resello", "apiKey", { credential: true, secret: true }),
  variable("CERTKIT_RESELLO_PLAN", "resello", "plan"),
  variable("CERTKIT_RESELLO_BASE_URL", "resello", "baseUrl"),
  variable("CERTKIT_SSLMARKET_TOKEN", "sslmarket", "token", { credential: true, secret: true }),
  variable("CERTKIT_SSLMARKET_CONTACTS", "sslmarket", "contacts", { type: "json" }),
  variable("CERTKIT_SSLMARKET_PRODUCT", "sslmarket", "defaultProduct"),
  variable("CERTKIT_SSLMARKET_BASE_URL", "sslmarket", "baseUrl"),
];

/** The variable naming a config file (`--config` wins over it). */
export const CONFIG_FILE_VARIABLE = "CERTKIT_CONFIG";
/** The variable naming a running sandbox server to use for every provider (`--sandbox URL` wins over it). */
export const SANDBOX_URL_VARIABLE = "CERTKIT_SANDBOX_URL";
/** The variable naming the embedded sandbox's state file. */
export const SANDBOX_STATE_VARIABLE = "CERTKIT_SANDBOX_STATE";
