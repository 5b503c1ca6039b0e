import type { Capabilities } from "@certkit/certificates";
import type { Configuration } from "../config/load-configuration.js";
import { shellArgument } from "../output/shell-argument.js";

/**
 * What must happen before an order that awaits its validation goes on, in order, as a person does it: publish (or
 * approve) what the validation asks for, where the sandbox does it in one command; then tell the provider, where
 * it waits to be told.
 */
export function validationSteps(label: string, capabilities: Capabilities, source: Configuration["kind"]): string[] {
  const publish =
    source === "providers"
      ? `publish the record or file, or have the email approved (certkit show ${shellArgument(label)} says which)`
      : `certkit sandbox publish ${shellArgument(label)} (the sandbox's DNS, web and mail stand in for yours)`;
  return capabilities.confirmValidation ? [publish, `certkit validate ${shellArgument(label)}`] : [publish];
}

/** The note `certkit wait` gives, once, when the order it waits for awaits its validation. */
export function validationToDo(label: string, capabilities: Capabilities, source: Configuration["kind"]): string {
  const steps = validationSteps(label, capabilities, source).join(", then ");
  return `${label} awaits its validation and goes no further until it is done: ${steps}${capabilities.confirmValidation ? "" : " (the provider then checks by itself)"}`;
}
