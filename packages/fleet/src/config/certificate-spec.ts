import { join } from "node:path";
import type { ValidationMethod } from "@certkit/certificates";
import type { DeliverySpec, FleetFile, FleetKeyType, FleetProvider, PublisherSpec } from "./fleet-file-schema.js";
import { DAY_MS } from "@certkit/runtime";

/** Renew 30 days before the end date unless the file says otherwise. */
export const DEFAULT_RENEW_BEFORE_MS = 30 * DAY_MS;

/**
 * One certificate as the fleet keeps it: the file's entry with the defaults applied and the provider taken from its
 * account. It holds no credential, so it is what the store records as the desired state.
 */
export interface CertificateSpec {
  key: string;
  /** The first name is the common name. */
  names: string[];
  provider: FleetProvider;
  account: string;
  product?: string;
  validation?: ValidationMethod;
  keyType: FleetKeyType;
  renewBeforeMs: number;
  deliver: DeliverySpec;
  publisher: PublisherSpec;
}

/**
 * Where a certificate is delivered: its own `deliver`, else the defaults'. A defaults' `files.dir` is shared by every
 * certificate, so each gets a folder in it named by its key (keys are letters, digits, `.`, `_` and `-`, never `..`):
 * in one folder, each certificate's `cert.pem` and `privkey.pem` would replace the last one's.
 */
function deliverySpec(own: DeliverySpec | undefined, defaults: DeliverySpec, key: string): DeliverySpec {
  if (own !== undefined) return own;
  return "files" in defaults ? { files: { ...defaults.files, dir: join(defaults.files.dir, key) } } : defaults;
}

/** Every certificate of a fleet file as a {@link CertificateSpec}, in the file's order. */
export function certificateSpecs(file: FleetFile): CertificateSpec[] {
  return file.certificates.map((certificate) => ({
    key: certificate.key,
    names: [...new Set(certificate.names)],
    provider: file.accounts[certificate.account]!.provider,
    account: certificate.account,
    ...(certificate.product === undefined ? {} : { product: certificate.product }),
    ...(certificate.validation === undefined ? {} : { validation: certificate.validation }),
    keyType: certificate.keyType ?? file.defaults.keyType ?? "rsa-2048",
    renewBeforeMs: certificate.renewBefore ?? file.defaults.renewBefore ?? DEFAULT_RENEW_BEFORE_MS,
    deliver: deliverySpec(certificate.deliver, file.defaults.deliver!, certificate.key),
    publisher: (certificate.publisher ?? file.defaults.publisher)!,
  }));
}
