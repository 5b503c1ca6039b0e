import { ids, type ProviderReads } from "./read-everything.ts";

/** Every Resello read: the orders, the plans, each order with its validation details and downloads. */
export const reads: ProviderReads = {
  headers: (options) => ({ authorization: `Basic ${btoa(`${options.resellerReference}:${options.apiKey}`)}` }),
  async readEverything(get) {
    const list = (await get("/ssl-certificate")) as { result?: unknown } | undefined;
    await get("/ssl-certificate-plan");
    for (const id of ids(list?.result, (item) => item.id)) {
      for (const part of [
        "",
        "/validation-details",
        "/download-crt",
        "/download-ca",
        "/download-csr",
        "/download-pkcs7",
        "/download-zip",
      ]) {
        await get(`/ssl-certificate/${id}${part}`);
      }
    }
  },
};
