/** The national SSLmarket sites. An API key belongs to the account of the site it was created on. */
export type SslmarketSite = "sslmarket.co.uk" | "sslmarket.com" | "sslmarket.cz" | "sslmarket.sk" | "sslmarket.fr";

/** The SSLmarket API of the United Kingdom site: the address SSLmarket's API documentation gives. The default. */
export const SSLMARKET_BASE_URL = "https://www.sslmarket.co.uk/api";

/**
 * The API of each national site. Only the UK address is documented; the others follow the same pattern
 * (`https://www.<site>/api`), as the spec's second server says.
 */
export const SSLMARKET_SITE_BASE_URLS: Readonly<Record<SslmarketSite, string>> = Object.freeze({
  "sslmarket.co.uk": SSLMARKET_BASE_URL,
  "sslmarket.com": "https://www.sslmarket.com/api",
  "sslmarket.cz": "https://www.sslmarket.cz/api",
  "sslmarket.sk": "https://www.sslmarket.sk/api",
  "sslmarket.fr": "https://www.sslmarket.fr/api",
});
