import type { CertificateAdapter } from "../adapter.js";
import type { Capabilities } from "../capabilities.js";
import type { CheckedOrderRequest, OrderRequest } from "../order-request.js";
import { checkCsr } from "./check-csr.js";
import { isEmailAddress } from "./email-address.js";
import { invalidInput } from "./invalid-input.js";
import { MAX_NAMES_PER_ORDER } from "./names-per-order.js";
import { normalizeDomainName } from "./normalize-domain-name.js";

/**
 * Checks an order against what every CA requires and what the adapter's product allows, before any request: a
 * rejected order costs no request and no money. Throws `CertkitError` `INVALID_INPUT` naming the field.
 *
 * Linear in the number of names: a list longer than {@link MAX_NAMES_PER_ORDER} is refused before any name is read,
 * and the product's limit on names is checked as the names are read, so the check stops at the first name too many.
 */
export async function checkOrderRequest<C extends Capabilities>(
  request: OrderRequest,
  adapter: CertificateAdapter<C>,
): Promise<CheckedOrderRequest> {
  const { provider, capabilities } = adapter;
  const reject = (field: string, problem: string) => invalidInput(provider, field, problem);
  if (typeof request !== "object" || request === null) throw reject("request", "must be an object");
  const { altNames: givenAltNames = [] } = request;
  if (!Array.isArray(givenAltNames)) throw reject("altNames", "must be an array of domain names");
  if (givenAltNames.length + 1 > MAX_NAMES_PER_ORDER) {
    throw reject(
      "altNames",
      `holds ${givenAltNames.length} names: an order holds at most ${MAX_NAMES_PER_ORDER} names, the common name included`,
    );
  }

  if (request.product !== undefined && (typeof request.product !== "string" || request.product.trim() === "")) {
    throw reject("product", "must be the provider's product name");
  }
  if (request.product !== undefined && adapter.catalog !== undefined && !adapter.catalog.includes(request.product)) {
    throw reject("product", `is not a product of ${provider}: one of ${adapter.catalog.join(", ")}`);
  }
  const limits = adapter.productLimits(request.product);
  const maxNames = Math.min(limits?.maxNames ?? MAX_NAMES_PER_ORDER, MAX_NAMES_PER_ORDER);

  const commonName = normalizeDomainName(request.commonName);
  if (!commonName.ok) throw reject("commonName", commonName.problem);
  const seen = new Set([commonName.name]);
  const altNames: string[] = [];
  for (const [index, name] of givenAltNames.entries()) {
    const checked = normalizeDomainName(name);
    if (!checked.ok) throw reject(`altNames[${index}]`, checked.problem);
    if (seen.has(checked.name)) continue;
    seen.add(checked.name);
    altNames.push(checked.name);
    if (seen.size > maxNames) {
      throw reject(
        "altNames",
        `holds too many names: ${limits?.id ?? "an order"} takes at most ${maxNames} with the common name`,
      );
    }
  }
  const names = [commonName.name, ...altNames];

  // DNS where the provider offers it (it needs no one to read mail), else the provider's only or first method.
  const validationMethod =
    request.validationMethod ??
    (capabilities.validationMethods.includes("dns") ? "dns" : capabilities.validationMethods[0]!);
  if (!capabilities.validationMethods.includes(validationMethod)) {
    throw reject("validationMethod", `must be one of ${capabilities.validationMethods.join(", ")} for ${provider}`);
  }
  const years = request.years ?? 1;
  if (typeof years !== "number" || !Number.isInteger(years) || years < 1)
    throw reject("years", "must be a whole number of years, 1 or more");

  if (limits) {
    const wildcard = names.find((name) => name.startsWith("*."));
    if (limits.wildcard === false && wildcard !== undefined)
      throw reject("commonName", `${wildcard} is a wildcard; ${limits.id} covers no wildcard names`);
    if (limits.wildcard === "required" && !commonName.name.startsWith("*."))
      throw reject("commonName", `must be a wildcard (*.example.com) for ${limits.id}`);
    if (!limits.years.includes(years))
      throw reject("years", `must be one of ${limits.years.join(", ")} for ${limits.id}`);
  }

  if (request.approverEmail !== undefined) {
    if (validationMethod !== "email") throw reject("approverEmail", "is only for email validation");
    const { approverEmail } = request;
    if (!isEmailAddress(approverEmail)) {
      throw reject("approverEmail", "must be an email address");
    }
  }
  if (
    request.clientReference !== undefined &&
    (typeof request.clientReference !== "string" || request.clientReference.trim() === "")
  ) {
    throw reject("clientReference", "must be a non-empty string");
  }

  const checked: CheckedOrderRequest = { ...request, commonName: commonName.name, altNames, validationMethod, years };
  // Only the re-encoded request is ever sent: whatever else the input held stays here.
  delete checked.csr;
  if (request.csr === undefined) {
    if (capabilities.csr === "required") throw reject("csr", `is required: ${provider} does not make keys`);
    return checked;
  }
  if (capabilities.csr === "none") throw reject("csr", `is not taken: ${provider} makes the key itself`);
  const csr = await checkCsr(request.csr, names);
  if (!csr.ok) throw reject("csr", csr.problem);
  return { ...checked, csr: csr.csr.pem, csrKey: csr.csr.key };
}
