import { runHook } from "../hooks/run-hook.js";
import type { ValidationPublisher } from "./validation-publisher.js";

/**
 * Publishes each validation by running a command of yours with
 * `{"action": "publish", "certificate", "provider", "orderId", "validation": {domain, method, dns?, file?, email?}}`
 * as JSON on its standard input; exit 0 means the record is in place (the command waits for DNS to have it).
 */
export function commandPublisher(command: readonly string[]): ValidationPublisher {
  return {
    async publish(validation, { key, provider, orderId, signal }) {
      await runHook(
        command,
        { action: "publish", certificate: key, provider, orderId, validation },
        signal === undefined ? {} : { signal },
      );
    },
  };
}
