import { ids, type ProviderReads } from "./read-everything.ts";

/** Every ZeroSSL read: the list, each certificate with its validation status and downloads. */
export const reads: ProviderReads = {
  // ZeroSSL's key travels in the query string, not in a header.
  headers: () => ({}),
  async readEverything(get, options) {
    const key = `access_key=${encodeURIComponent(options.accessKey!)}`;
    const list = (await get(`/certificates?${key}`)) as { results?: unknown } | undefined;
    for (const id of ids(list?.results, (item) => item.id)) {
      for (const part of ["", "/status", "/download/return", "/download"])
        await get(`/certificates/${encodeURIComponent(id)}${part}?${key}`);
    }
  },
};
