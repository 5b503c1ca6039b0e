import { ids, type ProviderReads } from "./read-everything.ts";

/** Every IONOS SSL read: the list, the quota, each order. */
export const reads: ProviderReads = {
  headers: (options) => ({ "x-api-key": options.apiKey! }),
  async readEverything(get) {
    const list = (await get("/v1/certificates")) as { certificates?: unknown } | undefined;
    await get("/v1/certificates/quota");
    for (const id of ids(list?.certificates, (item) => item.id))
      await get(`/v1/certificates/${encodeURIComponent(id)}`);
  },
};
