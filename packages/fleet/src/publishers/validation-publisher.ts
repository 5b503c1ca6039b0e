import type { DomainValidation, ProviderName } from "@certkit/certificates";

/** Which certificate a validation belongs to, for a publisher that needs to know. */
export interface PublishContext {
  key: string;
  provider: ProviderName;
  orderId: string;
  signal?: AbortSignal;
}

/**
 * Puts a domain validation in place: the DNS record, the file, or the email approval. Called again after a crash,
 * so publishing the same validation twice must do no harm.
 */
export interface ValidationPublisher {
  publish(validation: DomainValidation, context: PublishContext): Promise<void>;
}
