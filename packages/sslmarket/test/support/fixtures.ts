import type {
  CertificateDecoderResult,
  CreateOrderRequest,
  CsrDecoderResult,
  OcspCheckResult,
  Order,
  OrderList,
  ProductList,
} from "../../src/index.js";

export const ORDER_ID = 204117;
export const PRODUCT_CODE = "geotrust-geotrust-standard-dv-ssl";

export const CSR_PEM = [
  "-----BEGIN CERTIFICATE REQUEST-----",
  "MIICvDCCAaQCAQAwHDEaMBgGA1UEAwwRc2hvcC5leGFtcGxlLnRlc3QwggEiMA0G",
  "-----END CERTIFICATE REQUEST-----",
].join("\n");

export const SERVER_PEM = [
  "-----BEGIN CERTIFICATE-----",
  "MIIFazCCBFOgAwIBAgIQDsErVeRsHoP",
  "-----END CERTIFICATE-----",
  "",
].join("\n");
export const INTERMEDIATE_PEM = [
  "-----BEGIN CERTIFICATE-----",
  "MIIEjTCCA3WgAwIBAgIQDQd4KhM",
  "-----END CERTIFICATE-----",
  "",
].join("\n");

/**
 * A stand-in P7B: a DER SEQUENCE header, then every byte value once, including NUL, CR, LF and bytes that are not
 * UTF-8. Any text decoding on the way (as `text/plain` invites) would change it.
 */
export const P7B_BYTES = new Uint8Array([0x30, 0x82, 0x01, 0x04, ...Array.from({ length: 256 }, (_, i) => i)]);

/** Products as SSLmarket lists them: counts sent as strings, one brand spelt two ways. */
export const products: ProductList = {
  products: [
    {
      product_type: "ssl_certificate",
      product_code: PRODUCT_CODE,
      type: "GeoTrust",
      title: "DV SSL",
      validate_type: "dv",
      csr_required: "true",
      max_years: "6",
      min_san_values: "0",
      max_san_values: "250",
    },
    {
      product_type: "client_certificate",
      product_code: "digicert-client-premium-class-2",
      type: "Digicert",
      title: "Client Premium Class 2",
      validate_type: "ov",
      csr_required: "true",
      max_years: "3",
      min_san_values: 0,
      max_san_values: 0,
    },
  ],
};

/** An order waiting for DNS validation: nothing issued yet, so the issuance fields are null. */
export const pendingOrder: Order = {
  product_type: "ssl_certificate",
  product_code: PRODUCT_CODE,
  domain: "shop.example.test",
  dns_names: ["www.shop.example.test", "api.shop.example.test"],
  sans_order_count: 2,
  years: 1,
  csr: CSR_PEM,
  certificate_serial_number: null,
  owner_name: "Example Shop Ltd",
  owner_city: "Leeds",
  owner_country: "GB",
  tech_email: "hostmaster@shop.example.test",
  inserted: "2026-01-12 09:30:00",
  published: null,
  expired: null,
  dv_auth_method: "DNS",
  dv_auth_content: "20260112093000abcdef0123456789validation",
  state: "waiting_for_validation",
};

/** The same order once issued. */
export const issuedOrder: Order = {
  ...pendingOrder,
  certificate_serial_number: "0E3F5A7C9B1D2F4A6C8E0B2D4F6A8C0E",
  published: "2026-01-12 10:02:11",
  expired: "2027-01-13",
  state: "published",
  days_remaining: 366,
};

export const orders: OrderList = {
  orders: [
    {
      order_id: ORDER_ID,
      product_type: "ssl_certificate",
      product_code: PRODUCT_CODE,
      domain: "shop.example.test",
      dns_names: ["www.shop.example.test", "api.shop.example.test"],
      sans_order_count: 2,
      years: 1,
      inserted: "2026-01-12 09:30:00",
      published: "2026-01-12 10:02:11",
      expired: "2027-01-13",
      state: "published",
    },
    { order_id: ORDER_ID + 1, product_code: PRODUCT_CODE, domain: "blog.example.test", state: "new", published: null },
  ],
};

/** A complete order: every field the documentation marks mandatory, with two SANs. */
export const orderRequest: CreateOrderRequest = {
  domain: "shop.example.test",
  dns_names: ["www.shop.example.test", "api.shop.example.test"],
  years: 1,
  csr: CSR_PEM,
  dv_auth_method: "DNS",
  owner_name: "Example Shop Ltd",
  owner_street: "1 Market Street",
  owner_city: "Leeds",
  owner_zip: "LS1 1AA",
  owner_country: "GB",
  owner_tel: "+44.1131234567",
  auth_title: "Director",
  auth_firstname: "Ada",
  auth_lastname: "Lovelace",
  auth_tel: "+44.1131234567",
  auth_email: "ada@shop.example.test",
  tech_title: "Administrator",
  tech_firstname: "Alan",
  tech_lastname: "Turing",
  tech_email: "hostmaster@shop.example.test",
  tech_tel: "+44.1131234568",
  invoice_name: "Example Shop Ltd",
  invoice_street: "1 Market Street",
  invoice_city: "Leeds",
  invoice_zip: "LS1 1AA",
  invoice_country: "GB",
  invoice_email: "accounts@shop.example.test",
};

export const decodedCsr: CsrDecoderResult = {
  csr: {
    subject: { CN: "shop.example.test", O: "Example Shop Ltd", L: "Leeds", C: "GB" },
    pkey: {
      length: "2048",
      alghoritm: "RSA",
      pkey: "-----BEGIN PUBLIC KEY-----\nMIIBIjAN\n-----END PUBLIC KEY-----\n",
    },
    sans: ["shop.example.test", "www.shop.example.test"],
  },
};

export const decodedCertificate: CertificateDecoderResult = {
  certificate: {
    owner: { domain: "shop.example.test", organization: "Example Shop Ltd", city: "Leeds", country: "GB" },
    length: "2048",
    alghoritm: 0,
    pkey: { bits: 2048, type: 0 },
    sans: ["shop.example.test", "www.shop.example.test"],
    valid_from: "2026-01-12 00:00:00",
    valid_to: "2027-01-13 23:59:59",
    serial_number: "19029417281622170512263153283917123086",
    serial_number_hex: "0E3F5A7C9B1D2F4A6C8E0B2D4F6A8C0E",
  },
};

export const ocspGood: OcspCheckResult = {
  status: "good",
  this_update: "2026-01-20 06:00:00",
  next_update: "2026-01-27 06:00:00",
};
