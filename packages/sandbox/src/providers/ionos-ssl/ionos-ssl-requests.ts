import type { EnrollRequest } from "@certkit/ionos-ssl";
import { parseCsr } from "../../ca/sandbox-ca.js";
import type { IonosCertificateType } from "./ionos-ssl-spec-types.js";
import { IONOS_AUTHENTICATION_METHODS, IONOS_CERTIFICATE_TYPES, type IonosEnrollment } from "./ionos-ssl-state.js";

// IONOS issues 2048-bit RSA only (its createCertificate description).
const MIN_RSA_BITS = 2048;

/** A request IONOS refuses: the status and IONOS's error body. */
export type IonosRefusal = {
  readonly [Status in 400 | 404]: { readonly status: Status; readonly body: IonosErrorBody };
}[400 | 404];

/** IONOS's error body. */
interface IonosErrorBody {
  readonly code: "VALIDATION_FAILED" | "DCV_FAILED" | "NOT_FOUND";
  readonly message: string;
}

/** A 400 with IONOS's error body. */
export function ionosError(code: "VALIDATION_FAILED" | "DCV_FAILED", message: string) {
  return { status: 400, body: { code, message } } as const;
}

/** The 404 of a certificate id the account does not have. */
export const IONOS_NOT_FOUND = {
  status: 404,
  body: { code: "NOT_FOUND", message: "No certificate exists for the specified id." },
} as const;

/** The page and page size of `GET /v1/certificates` (1 and 100 when not given), or `undefined` when they are not whole numbers ≥ 1. */
export function readPage(query: URLSearchParams): { page: number; size: number } | undefined {
  const page = Number(query.get("page") ?? 1);
  const size = Number(query.get("size") ?? 100);
  return Number.isInteger(page) && page >= 1 && Number.isInteger(size) && size >= 1 ? { page, size } : undefined;
}

/**
 * Reads a `POST /v1/certificates` body as IONOS checks it: a known type, a name the type covers (a wildcard type
 * needs `*.`), a known method, a free slot of the type, and a CSR (when sent) that is 2048-bit RSA or more for
 * that name. Returns `{ enrollment }`, or the 400/404 IONOS answers.
 */
export async function readEnrollment(
  body: Partial<EnrollRequest> | undefined,
  hasFreeSlot: (type: IonosCertificateType) => boolean,
): Promise<{ enrollment: IonosEnrollment } | IonosRefusal> {
  const { certificateType, commonName, csr, authenticationMethod = "DNS" } = body ?? {};
  if (!certificateType || !IONOS_CERTIFICATE_TYPES.includes(certificateType)) {
    return ionosError("VALIDATION_FAILED", `certificateType must be one of ${IONOS_CERTIFICATE_TYPES.join(", ")}.`);
  }
  if (typeof commonName !== "string" || commonName.trim() === "")
    return ionosError("VALIDATION_FAILED", "commonName is required.");
  if (!IONOS_AUTHENTICATION_METHODS.includes(authenticationMethod)) {
    return ionosError(
      "VALIDATION_FAILED",
      `authenticationMethod must be one of ${IONOS_AUTHENTICATION_METHODS.join(", ")}.`,
    );
  }
  const wildcard = certificateType.endsWith("_WILDCARD");
  if (wildcard !== commonName.startsWith("*.")) {
    return ionosError(
      "VALIDATION_FAILED",
      wildcard
        ? `A ${certificateType} certificate needs a wildcard commonName (*.domain).`
        : `${certificateType} does not cover a wildcard commonName.`,
    );
  }
  if (!hasFreeSlot(certificateType)) {
    return {
      status: 404,
      body: {
        code: "NOT_FOUND",
        message: `No unused SSL items were found in your account of type ${certificateType}.`,
      },
    };
  }
  let publicKey: string | undefined;
  if (csr !== undefined) {
    const parsed = await parseCsr(String(csr));
    if ("problem" in parsed) return ionosError("VALIDATION_FAILED", parsed.problem);
    if (parsed.key.type !== "rsa" || parsed.key.bits < MIN_RSA_BITS) {
      return ionosError("VALIDATION_FAILED", `The CSR must use RSA with key size ${MIN_RSA_BITS} bits.`);
    }
    if (!parsed.names.some((name) => name.toLowerCase() === commonName.toLowerCase())) {
      return ionosError("VALIDATION_FAILED", `The CSR is not for ${commonName}.`);
    }
    publicKey = parsed.publicKey;
  }
  return { enrollment: { certificateType, commonName, authenticationMethod, publicKey } };
}
