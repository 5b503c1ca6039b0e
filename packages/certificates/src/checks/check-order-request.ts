import type { CertificateAdapter } from "../adapter.js";
import type { Capabilities } from "../capabilities.js";
import type { CheckedOrderRequest, OrderRequest } from "../order-request.js";
import { csrProblem } from "./check-csr.js";
import { invalidInput } from "./invalid-input.js";
import { normalizeDomainName } from "./normalize-domain-name.js";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks an order against what every CA requires and what the adapter's product allows, before any request: a
 * rejected order costs no request and no money. Throws `CertkitError` `INVALID_INPUT` naming the field.
 */
export async function checkOrderRequest<C extends Capabilities>(request: OrderRequest, adapter: CertificateAdapter<C>): Promise<CheckedOrderRequest> {
  const { provider, capabilities } = adapter;
  const reject = (field: string, problem: string) => invalidInput(provider, field, problem);
  if (typeof request !== "object" || request === null) throw reject("request", "must be an object");

  const commonName = normalizeDomainName(request.commonName);
  if (!commonName.ok) throw reject("commonName", commonName.problem);
  if (request.altNames !== undefined && !Array.isArray(request.altNames)) throw reject("altNames", "must be an array of domain names");
  const altNames: string[] = [];
  for (const [index, name] of (request.altNames ?? []).entries()) {
    const checked = normalizeDomainName(name);
    if (!checked.ok) throw reject(`altNames[${index}]`, checked.problem);
    if (checked.name !== commonName.name && !altNames.includes(checked.name)) altNames.push(checked.name);
  }
  const names = [commonName.name, ...altNames];

  // DNS where the provider offers it (it needs no one to read mail), else the provider's only or first method.
  const validationMethod = request.validationMethod ?? (capabilities.validationMethods.includes("dns") ? "dns" : capabilities.validationMethods[0]!);
  if (!capabilities.validationMethods.includes(validationMethod)) {
    throw reject("validationMethod", `must be one of ${capabilities.validationMethods.join(", ")} for ${provider}`);
  }
  const years = request.years ?? 1;
  if (typeof years !== "number" || !Number.isInteger(years) || years < 1) throw reject("years", "must be a whole number of years, 1 or more");

  if (request.product !== undefined && (typeof request.product !== "string" || request.product.trim() === "")) {
    throw reject("product", "must be the provider's product name");
  }
  if (request.product !== undefined && adapter.catalog !== undefined && !adapter.catalog.includes(request.product)) {
    throw reject("product", `is not a product of ${provider}: one of ${adapter.catalog.join(", ")}`);
  }
  const limits = adapter.productLimits(request.product);
  if (limits) {
    if (names.length > limits.maxNames) {
      throw reject("altNames", `holds ${names.length} names with the common name; ${limits.id} takes at most ${limits.maxNames}`);
    }
    const wildcards = names.filter((name) => name.startsWith("*."));
    if (limits.wildcard === false && wildcards.length > 0) throw reject("commonName", `${wildcards[0]} is a wildcard; ${limits.id} covers no wildcard names`);
    if (limits.wildcard === "required" && !commonName.name.startsWith("*.")) throw reject("commonName", `must be a wildcard (*.example.com) for ${limits.id}`);
    if (!limits.years.includes(years)) throw reject("years", `must be one of ${limits.years.join(", ")} for ${limits.id}`);
  }

  if (request.approverEmail !== undefined) {
    if (validationMethod !== "email") throw reject("approverEmail", "is only for email validation");
    if (typeof request.approverEmail !== "string" || !EMAIL.test(request.approverEmail)) throw reject("approverEmail", "must be an email address");
  }
  if (request.clientReference !== undefined && (typeof request.clientReference !== "string" || request.clientReference.trim() === "")) {
    throw reject("clientReference", "must be a non-empty string");
  }

  if (request.csr === undefined) {
    if (capabilities.csr === "required") throw reject("csr", `is required: ${provider} does not make keys`);
  } else if (capabilities.csr === "none") {
    throw reject("csr", `is not taken: ${provider} makes the key itself`);
  } else {
    const problem = await csrProblem(request.csr, names);
    if (problem) throw reject("csr", problem);
  }
  return { ...request, commonName: commonName.name, altNames, validationMethod, years };
}
