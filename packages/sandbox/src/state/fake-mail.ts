import { randomToken } from "../random-ids.js";

/** An approval email a simulated CA sent to a domain's approver. */
export interface ApprovalEmail {
  /** The code that approves the request, as the link in a real email would. */
  readonly code: string;
  readonly to: string;
  readonly subject: string;
  /** When it was sent, in sandbox time (ISO 8601). */
  readonly sentAt: string;
  /** When the approver approved it (ISO 8601), if they did. */
  approvedAt?: string;
}

/** The mail of a {@link FakeMail}, as JSON. */
export type FakeMailState = ApprovalEmail[];

/** Lower-case, trimmed: mail addresses compare case-insensitively in practice. */
function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}

/**
 * The sandbox's stand-in for the approvers' mailboxes, for email domain validation: simulated CAs send approval
 * emails here, and a test (or the demo) approves one by its code, as an approver would by clicking its link.
 */
export class FakeMail {
  #messages: ApprovalEmail[] = [];

  /** Sends an approval email and returns its code. */
  send(message: { to: string; subject: string; sentAt: Date }): string {
    const code = randomToken();
    this.#messages.push({
      code,
      to: normalizeAddress(message.to),
      subject: message.subject,
      sentAt: message.sentAt.toISOString(),
    });
    return code;
  }

  /** The emails sent to `to` (every email when not given), oldest first. */
  inbox(to?: string): ApprovalEmail[] {
    const address = to === undefined ? undefined : normalizeAddress(to);
    return this.#messages
      .filter((message) => address === undefined || message.to === address)
      .map((message) => ({ ...message }));
  }

  /** Approves the email with `code` at `at`; `false` when no email has that code. Approving twice keeps the first time. */
  approve(code: string, at: Date): boolean {
    const message = this.#messages.find((candidate) => candidate.code === code);
    if (!message) return false;
    message.approvedAt ??= at.toISOString();
    return true;
  }

  /** Whether the email with `code` has been approved. */
  isApproved(code: string): boolean {
    return this.#messages.some((message) => message.code === code && message.approvedAt !== undefined);
  }

  /** Every email, for a snapshot. */
  snapshot(): FakeMailState {
    return this.#messages.map((message) => ({ ...message }));
  }

  /** Replaces every email with those of a snapshot. */
  restore(state: FakeMailState): void {
    const valid =
      Array.isArray(state) &&
      state.every((message) =>
        ["code", "to", "subject", "sentAt"].every(
          (key) => typeof (message as unknown as Record<string, unknown>)[key] === "string",
        ),
      );
    if (!valid) throw new TypeError("fake mail state must be [{code, to, subject, sentAt, approvedAt?}]");
    this.#messages = state.map((message) => ({ ...message }));
  }
}
