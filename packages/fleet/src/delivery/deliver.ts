import { writeCertificateFiles } from "@certkit/certificates/files";
import type { DeliverySpec } from "../config/fleet-file-schema.js";
import { runHook } from "../hooks/run-hook.js";
import type { IssuedCertificate } from "./issued-certificate.js";

/**
 * Delivers an issued certificate where its spec says: files in a folder, or a command of yours that receives
 * `{"action": "deliver", ...IssuedCertificate, "fullchain"}` as JSON on its standard input (the key only there, never
 * in its arguments or environment). Delivering the same certificate twice must do no harm: it happens after a crash.
 */
export async function deliver(spec: DeliverySpec, issued: IssuedCertificate, signal?: AbortSignal): Promise<void> {
  if ("files" in spec) {
    // A renewal replaces the files as one set: a failure part-way leaves the last certificate's files as they were.
    const { dir, certificateMode, keyMode } = spec.files;
    await writeCertificateFiles(dir, issued, { replace: true, certificateMode, keyMode });
    return;
  }
  await runHook(
    spec.command,
    { action: "deliver", ...issued, fullchain: `${issued.certificate}${issued.chain.join("")}` },
    signal === undefined ? {} : { signal },
  );
}
