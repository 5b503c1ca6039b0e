import type { Product } from "@certkit/sslmarket";
import type { ProductLimits } from "../../capabilities.js";
import type { CheckedOrderRequest } from "../../order-request.js";
import { invalidInput } from "../../checks/invalid-input.js";

/**
 * The product ordered when a request names none: GeoTrust DV SSL, the domain-validated product of SSLmarket's
 * documented list that takes SANs (up to 250), so an order with `altNames` works without choosing a product.
 */
export const SSLMARKET_DEFAULT_PRODUCT = "geotrust-geotrust-standard-dv-ssl";

/** `[1, 2, ..., max]`. */
const upTo = (max: number): readonly number[] => Object.freeze(Array.from({ length: max }, (_, index) => index + 1));

/** Limits of a product as SSLmarket's documented list gives them: SANs besides the common name, years. */
function limits(id: string, maxSans: number, maxYears: number): ProductLimits {
  return Object.freeze({
    id,
    maxNames: maxSans + 1,
    // The product list has no wildcard field: wildcard products are the ones whose code says so, and only they take one.
    wildcard: /wildcard/i.test(id) ? "required" : false,
    years: upTo(maxYears),
  });
}

/**
 * The server (`ssl_certificate`) products of the product list in SSLmarket's documentation, with their limits:
 * `maxNames` is `max_san_values` plus the common name, `years` 1 to `max_years`, and a wildcard `"required"` for the
 * products whose code names one (the list has no wildcard field) and not allowed otherwise. The list is an older
 * edition: `order()` also reads `GET /product/list` and checks the request against the account's products before
 * the purchase. Client-certificate products are left out: the facade orders server certificates.
 */
export const SSLMARKET_PRODUCT_LIMITS: Readonly<Record<string, ProductLimits>> = Object.freeze(
  Object.fromEntries(
    (
      [
        ["digicert-standard-ssl", 250, 6],
        ["digicert-wildcard", 250, 6],
        ["digicert-ev-ssl", 250, 6],
        ["geotrust-geotrust-standard-dv-ssl", 250, 6],
        ["geotrust-geotrust-wildcard-dv", 250, 6],
        ["rapidssl-rapidssl-dv", 0, 6],
        ["symantec-secure-site-ssl", 250, 6],
        ["thawte-ssl-123-dv", 250, 6],
        ["rapidssl-rapidssl-wildcard-dv", 0, 6],
        ["geotrust-truebusiness-id-ov", 250, 6],
        ["thawte-ssl-webserver-ov", 250, 6],
        ["symantec-secure-site-pro-ssl", 250, 6],
        ["thawte-ssl-webserver-ov-wildcard", 250, 6],
        ["geotrust-truebusiness-id-ov-wildcard", 250, 6],
        ["symantec-secure-site-ev-ssl", 250, 6],
        ["geotrust-truebusiness-id-ev", 250, 6],
        ["thawte-ssl-webserver-ev", 250, 6],
        ["symantec-secure-site-pro-ev-ssl", 250, 6],
        ["symantec-secure-site-wildcard-ssl", 250, 6],
        ["symantec-secure-site-pro-ssl-wildcard", 250, 6],
      ] as const
    ).map(([id, maxSans, maxYears]) => [id, limits(id, maxSans, maxYears)]),
  ),
);

/** The static limits of `product` (`defaultProduct` when `undefined`), or `undefined` for a code only the API knows. */
export function sslmarketProductLimits(product: string | undefined, defaultProduct: string): ProductLimits | undefined {
  const code = product ?? defaultProduct;
  return Object.hasOwn(SSLMARKET_PRODUCT_LIMITS, code) ? SSLMARKET_PRODUCT_LIMITS[code] : undefined;
}

/** A count the product list sends as a number or a numeric string; `undefined` when it is neither. */
function count(value: unknown): number | undefined {
  const number =
    typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number >= 0 ? number : undefined;
}

/**
 * Checks an order against the product as the account's `GET /product/list` shows it, before the purchase: the
 * product exists, is a server certificate, takes this many SANs and years, gets a CSR if it requires one, and a
 * wildcard name if its code says it is a wildcard product. Throws `CertkitError` `INVALID_INPUT` naming the field.
 */
export function checkOrderAgainstProduct(
  request: CheckedOrderRequest,
  code: string,
  products: readonly Product[],
): void {
  const reject = (field: string, problem: string) => invalidInput("sslmarket", field, problem);
  const product = products.find((candidate) => candidate.product_code === code);
  if (!product) {
    const known = products
      .filter((candidate) => candidate.product_type === "ssl_certificate")
      .map((candidate) => candidate.product_code);
    throw reject(
      "product",
      `"${code}" is not a product this SSLmarket account can order through the API (server products: ${known.join(", ") || "none"})`,
    );
  }
  if (product.product_type !== "ssl_certificate") {
    throw reject(
      "product",
      `"${code}" is a ${product.product_type} product; this adapter orders server (ssl_certificate) certificates`,
    );
  }
  const sans = request.altNames.length;
  const [minSans, maxSans, maxYears] = [
    count(product.min_san_values),
    count(product.max_san_values),
    count(product.max_years),
  ];
  if (maxSans !== undefined && sans > maxSans)
    throw reject("altNames", `holds ${sans} SANs; ${code} takes at most ${maxSans} besides the common name`);
  if (minSans !== undefined && sans < minSans)
    throw reject("altNames", `holds ${sans} SANs; ${code} needs at least ${minSans} besides the common name`);
  if (maxYears !== undefined && request.years > maxYears)
    throw reject("years", `must be from 1 to ${maxYears} for ${code}`);
  if (product.csr_required === "true" && request.csr === undefined) throw reject("csr", `is required for ${code}`);
  if (/wildcard/i.test(code) && !request.commonName.startsWith("*."))
    throw reject("commonName", `must be a wildcard (*.example.com) for ${code}`);
}
