import type { CertkitError, ReselloClient } from "../../src/index.js";
import { CERTIFICATE_ID, CLIENT_REFERENCE, CSR_PEM, PLAN_ID } from "./fixtures.js";

/** One valid call of an operation of the spec, and where msw meets it. */
export interface OperationCall {
  method: "get" | "post" | "delete";
  /** The msw path pattern under the base URL. */
  path: string;
  call: (client: ReselloClient) => Promise<{ data?: unknown; error?: CertkitError | undefined; response: Response }>;
}

const id = { params: { path: { id: CERTIFICATE_ID } } };

/** Every operation of the spec, by operationId. */
export const OPERATIONS: Record<string, OperationCall> = {
  listCertificates: {
    method: "get",
    path: "/ssl-certificate",
    call: (c) => c.GET("/ssl-certificate", { params: { query: { plan: PLAN_ID } } }),
  },
  createCertificate: {
    method: "post",
    path: "/ssl-certificate",
    call: (c) =>
      c.POST("/ssl-certificate", {
        body: { csr: CSR_PEM, dcv_type: "DNS", plan: PLAN_ID, client_reference: CLIENT_REFERENCE },
      }),
  },
  getCertificate: { method: "get", path: "/ssl-certificate/:id", call: (c) => c.GET("/ssl-certificate/{id}", id) },
  deleteCertificate: {
    method: "delete",
    path: "/ssl-certificate/:id",
    call: (c) => c.DELETE("/ssl-certificate/{id}", id),
  },
  renewCertificate: {
    method: "post",
    path: "/ssl-certificate/:id/renew",
    call: (c) => c.POST("/ssl-certificate/{id}/renew", { ...id, body: { csr: CSR_PEM, dcv_type: "DNS" } }),
  },
  validateCertificate: {
    method: "post",
    path: "/ssl-certificate/:id/validate",
    call: (c) => c.POST("/ssl-certificate/{id}/validate", { ...id, body: { dcv_type: "DNS" } }),
  },
  reissueCertificate: {
    method: "post",
    path: "/ssl-certificate/:id/reissue",
    call: (c) => c.POST("/ssl-certificate/{id}/reissue", { ...id, body: { csr: CSR_PEM } }),
  },
  downloadCertificateZip: {
    method: "get",
    path: "/ssl-certificate/:id/download-zip",
    call: (c) => c.GET("/ssl-certificate/{id}/download-zip", { ...id, parseAs: "arrayBuffer" }),
  },
  downloadCertificatePkcs7: {
    method: "get",
    path: "/ssl-certificate/:id/download-pkcs7",
    call: (c) => c.GET("/ssl-certificate/{id}/download-pkcs7", { ...id, parseAs: "arrayBuffer" }),
  },
  downloadCertificateCrt: {
    method: "get",
    path: "/ssl-certificate/:id/download-crt",
    call: (c) => c.GET("/ssl-certificate/{id}/download-crt", { ...id, parseAs: "text" }),
  },
  downloadCertificateCsr: {
    method: "get",
    path: "/ssl-certificate/:id/download-csr",
    call: (c) => c.GET("/ssl-certificate/{id}/download-csr", { ...id, parseAs: "text" }),
  },
  downloadCertificateCa: {
    method: "get",
    path: "/ssl-certificate/:id/download-ca",
    call: (c) => c.GET("/ssl-certificate/{id}/download-ca", { ...id, parseAs: "text" }),
  },
  getCertificateValidationDetails: {
    method: "get",
    path: "/ssl-certificate/:id/validation-details",
    call: (c) => c.GET("/ssl-certificate/{id}/validation-details", id),
  },
  listCertificatePlans: {
    method: "get",
    path: "/ssl-certificate-plan",
    call: (c) => c.GET("/ssl-certificate-plan", { params: { query: { name: "DV" } } }),
  },
};
