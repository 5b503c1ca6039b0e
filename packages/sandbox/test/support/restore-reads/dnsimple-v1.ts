import { ids, type ProviderReads } from "./read-everything.ts";

/** Every DNSimple v1 read: the domains, each domain's certificates, each certificate. */
export const reads: ProviderReads = {
  headers: (options) => ({ "x-dnsimple-token": `${options.email}:${options.token}` }),
  async readEverything(get) {
    await get("/domains");
    for (const domain of ["example.com", "example.org", "example.net"]) {
      const list = await get(`/domains/${domain}/certificates`);
      for (const id of ids(list, (item) => (item.certificate as Record<string, unknown> | undefined)?.id))
        await get(`/domains/${domain}/certificates/${id}`);
    }
  },
};
