// Reference bundle: openapi-fetch alone with the IONOS types, the same call as bundle (a). The difference to (a) is
// what @certkit/runtime adds (retries, timeouts, concurrency cap, rate limits, errors).
import type { paths } from "@certkit/ionos-ssl";
import createClient from "openapi-fetch";

/** Reads one certificate's status. */
export async function certificateStatus(apiKey: string, id: string): Promise<string | undefined> {
  const ionos = createClient<paths>({ baseUrl: "https://api.hosting.ionos.com/ssl", headers: { "X-API-Key": apiKey } });
  const { data, error } = await ionos.GET("/v1/certificates/{id}", { params: { path: { id } } });
  if (error) throw new Error(JSON.stringify(error));
  return data.status;
}
