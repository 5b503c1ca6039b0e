import type { PublisherSpec } from "../config/fleet-file-schema.js";
import { commandPublisher } from "./command-publisher.js";
import { sandboxPublisher } from "./sandbox-publisher.js";
import type { ValidationPublisher } from "./validation-publisher.js";

/** The built-in publisher a fleet file's `publisher` names. */
export function publisherFor(spec: PublisherSpec): ValidationPublisher {
  switch (spec.type) {
    case "sandbox":
      return sandboxPublisher(spec.url);
    case "command":
      return commandPublisher(spec.command);
  }
}
