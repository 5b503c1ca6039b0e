import { ids, type ProviderReads } from "./read-everything.ts";

/** Every DNSimple v2 read: the domains, each domain's certificates, each certificate and its downloads. */
export const reads: ProviderReads = {
  headers: (options) => ({ authorization: `Bearer ${options.token}` }),
  async readEverything(get) {
    await get("/1010/domains");
    for (const domain of ["example.com", "example.org", "example.net"]) {
      const list = (await get(`/1010/domains/${domain}/certificates`)) as { data?: unknown } | undefined;
      for (const id of ids(list?.data, (item) => item.id)) {
        for (const part of ["", "/download", "/private_key"])
          await get(`/1010/domains/${domain}/certificates/${id}${part}`);
      }
    }
  },
};
