// Bundle (a): one provider client making one call, as an application that only reads its IONOS certificates ships it.
import { createIonosSslClient } from "@certkit/ionos-ssl";

/** Reads one certificate's status. */
export async function certificateStatus(apiKey: string, id: string): Promise<string | undefined> {
  const ionos = createIonosSslClient({ apiKey });
  const { data, error } = await ionos.GET("/v1/certificates/{id}", { params: { path: { id } } });
  if (error) throw error;
  return data.status;
}
