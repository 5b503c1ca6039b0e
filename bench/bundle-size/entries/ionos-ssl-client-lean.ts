// Bundle (a'): the IONOS client with only the steps every client has (timeout, body cap, redirect refusal, errors,
// redaction), made with composeApiClient: no retries, no concurrency cap, no rate-limit gate, no events.
import { composeApiClient } from "@certkit/runtime";
import { ionosSslClientConfig, type paths } from "@certkit/ionos-ssl";

/** Reads one certificate's status. */
export async function certificateStatus(apiKey: string, id: string): Promise<string | undefined> {
  const ionos = composeApiClient<paths>(ionosSslClientConfig({ apiKey }));
  const { data, error } = await ionos.GET("/v1/certificates/{id}", { params: { path: { id } } });
  if (error) throw error;
  return data.status;
}
