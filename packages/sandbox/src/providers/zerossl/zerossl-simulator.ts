import type { components, paths } from "@certkit/zerossl";
import type { HttpHandler } from "msw";
import { DEFAULT_ISSUANCE_DELAY_MS, type ProviderSimulator, type SimulatorWorld } from "../../simulator.js";
import { toZip } from "../../ca/certificate-formats.js";
import { TypedRoutes } from "../../typed-routes.js";
import { NOT_FOUND, readCreate, readFields, readPage, refusal, sha256 } from "./zerossl-requests.js";
import {
  approversFor,
  baseName,
  cnameFor,
  fileFor,
  namesOf,
  newZerosslCertificate,
  ZEROSSL_VALIDATION_METHODS,
  type ZerosslCertificateState,
  type ZerosslDraft,
  type ZerosslState,
  type ZerosslValidationMethod,
} from "./zerossl-state.js";
import { checkZerosslState } from "./zerossl-state-schema.js";
import { certificateView, statusAt } from "./zerossl-views.js";

type DomainValidationDetails = components["schemas"]["DomainValidationDetails"];

const DAY_MS = 86_400_000;
const REVOCATION_REASONS = ["Unspecified", "keyCompromise", "affiliationChanged", "Superseded", "cessationOfOperation"];

/** Options of {@link ZerosslSimulator}. */
export interface ZerosslSimulatorOptions {
  /** The access key the simulator accepts in the `access_key` query parameter. */
  accessKey: string;
  /** Time from a passed validation to an issued certificate. Default 60 s of sandbox time. */
  issuanceDelayMs?: number;
}

/**
 * A stateful simulator of ZeroSSL's REST API. A created certificate is a `draft` offering, per name, a CNAME record,
 * a file and approver e-mails. Verifying with `CNAME_CSR_HASH` or `HTTP(S)_CSR_HASH` checks the sandbox's fake DNS
 * (or web) for every name at once: all found make it `pending_validation`, and after the issuance delay `issued`,
 * signed by the sandbox CA for the CSR's key; one missing is `domain_control_validation_failed` with per-name
 * details, and the certificate stays a draft. `EMAIL` mails one approver per name; once every e-mail is approved in
 * the fake mail, the certificate is issued the same way. A single name created without `strict_domains=1` also gets
 * its `www.` or bare variant, as ZeroSSL may add it. Errors come with HTTP 200, as ZeroSSL sends them; a wrong or
 * missing key gets a 401.
 */
export class ZerosslSimulator implements ProviderSimulator<ZerosslState> {
  readonly provider = "zerossl";
  readonly #options: Required<ZerosslSimulatorOptions>;
  readonly #world: SimulatorWorld;
  #certificates = new Map<string, ZerosslCertificateState>();
  readonly #routes = new TypedRoutes<paths>();

  constructor(world: SimulatorWorld, options: ZerosslSimulatorOptions) {
    this.#world = world;
    this.#options = {
      accessKey: options.accessKey,
      issuanceDelayMs: options.issuanceDelayMs ?? DEFAULT_ISSUANCE_DELAY_MS,
    };
    this.#defineRoutes();
  }

  /** msw handlers serving the simulated API under `baseUrl` (e.g. `https://api.zerossl.com`). */
  handlers(baseUrl: string): HttpHandler[] {
    return this.#routes.handlers(baseUrl, {
      provider: this.provider,
      faults: this.#world.faults,
      guard: (request) => {
        const keys = new URL(request.url).searchParams.getAll("access_key");
        if (keys.length === 1 && keys[0] === this.#options.accessKey) return undefined;
        const missing = keys.length === 0;
        return Response.json(refusal(101, missing ? "missing_access_key" : "invalid_access_key").body, { status: 401 });
      },
    });
  }

  /** {@inheritDoc ProviderSimulator.snapshot} */
  snapshot(): ZerosslState {
    return structuredClone({ certificates: [...this.#certificates.values()] });
  }

  /** {@inheritDoc ProviderSimulator.restore} */
  restore(state: ZerosslState): void {
    if (!Array.isArray(state?.certificates)) throw new TypeError("ZeroSSL sandbox state must be {certificates: [...]}");
    checkZerosslState(state);
    this.#certificates = new Map(structuredClone(state.certificates).map((one) => [one.id, one]));
  }

  /** {@inheritDoc ProviderSimulator.reset} */
  orderCount(): number {
    return this.#certificates.size;
  }

  reset(): void {
    this.#certificates.clear();
  }

  /** A certificate issued a month ago, and a draft waiting for its validation. */
  async seed(): Promise<void> {
    const now = this.#world.clock.now().getTime();
    const draftFor = async (names: string[]): Promise<ZerosslDraft> => {
      const { publicKey } = await this.#world.ca.generateKey();
      return { names, validityDays: 90, publicKey, csrHash: await sha256(publicKey) };
    };
    const issued = this.#add(await draftFor(["cdn.example.net"]), new Date(now - 31 * DAY_MS));
    issued.validationType = "CNAME_CSR_HASH";
    await this.#issue(issued, new Date(now - 30 * DAY_MS));
    this.#add(await draftFor(["static.example.net"]), new Date(now - DAY_MS));
  }

  #defineRoutes(): void {
    this.#routes
      .on("post", "/certificates", async ({ json, form }) => {
        const read = await readCreate(await readFields(json, form));
        if (!("draft" in read)) return read;
        return { status: 200, body: this.#view(this.#add(read.draft, this.#world.clock.now())) };
      })
      .on("get", "/certificates", async ({ query }) => {
        const paging = readPage(query);
        if (!paging) return refusal(2800, "incorrect_request_type");
        const now = this.#world.clock.now();
        const statuses = query.get("certificate_status")?.split(",").filter(Boolean);
        const search = query.get("search")?.toLowerCase();
        const all: ZerosslCertificateState[] = [];
        for (const certificate of this.#certificates.values()) {
          if (!this.#world.faults.listLag.listed(`zerossl:${certificate.id}`, now)) continue;
          await this.#advance(certificate);
          if (statuses && !statuses.includes(statusAt(certificate, now))) continue;
          if (search && !namesOf(certificate).some((name) => name.includes(search))) continue;
          all.push(certificate);
        }
        const onPage = all.slice((paging.page - 1) * paging.limit, paging.page * paging.limit);
        return {
          status: 200,
          body: {
            total_count: all.length,
            result_count: onPage.length,
            page: paging.page,
            limit: paging.limit,
            results: onPage.map((certificate) => this.#view(certificate)),
          },
        };
      })
      .on("get", "/certificates/{id}", async ({ params }) => {
        const certificate = this.#certificates.get(params.id);
        return certificate ? { status: 200, body: this.#view(await this.#advance(certificate)) } : NOT_FOUND;
      })
      .on("post", "/certificates/{id}/challenges", async ({ params, json, form }) => {
        const certificate = this.#certificates.get(params.id);
        if (!certificate) return NOT_FOUND;
        const fields = await readFields(json, form);
        return this.#verify(certificate, fields.validation_method, fields.validation_email);
      })
      .on("get", "/certificates/{id}/status", async ({ params }) => {
        const certificate = this.#certificates.get(params.id);
        if (!certificate) return NOT_FOUND;
        await this.#advance(certificate);
        const details: Record<string, { method: string; status: string }> = {};
        for (const approval of certificate.approvals ?? []) {
          const approved = this.#world.mail.isApproved(approval.code);
          details[approval.name] = { method: "EMAIL", status: approved ? "Validated" : "Email Sent" };
        }
        const completed = certificate.status !== "draft" && certificate.activeAt !== undefined ? 1 : 0;
        return { status: 200, body: { validation_completed: completed, details } };
      })
      .on("post", "/certificates/{id}/challenges/email", ({ params }) => {
        const certificate = this.#certificates.get(params.id);
        if (!certificate) return NOT_FOUND;
        if (certificate.validationType !== "EMAIL" || certificate.status !== "pending_validation")
          return refusal(2829, "incorrect_certificate_validation_type");
        this.#mailApprovers(certificate, certificate.approvals?.map((approval) => approval.email) ?? []);
        return { status: 200, body: { success: 1 as const } };
      })
      .on("get", "/certificates/{id}/download", async ({ params }) => {
        const answer = await this.#bundle(params.id);
        // ZeroSSL sends its JSON error in place of the archive, with HTTP 200: the client decides by Content-Type.
        if (!("certificate.crt" in answer.body)) return Response.json(answer.body, { status: answer.status });
        return new Response(new Uint8Array(toZip(answer.body, this.#world.clock.now())), {
          headers: {
            "Content-Type": "application/zip",
            "Content-Disposition": `attachment; filename="${params.id}.zip"`,
          },
        });
      })
      .on("get", "/certificates/{id}/download/json", async ({ params }) => this.#bundle(params.id))
      .on("get", "/certificates/{id}/download/return", async ({ params }) => this.#bundle(params.id))
      .on("get", "/certificates/{id}/download/pem", async ({ params }) => {
        const answer = await this.#bundle(params.id);
        // ZeroSSL sends its JSON error in place of the PEM text.
        if (!("certificate.crt" in answer.body)) return Response.json(answer.body);
        return new Response(`${answer.body["certificate.crt"]}${answer.body["ca_bundle.crt"]}`, {
          headers: { "Content-Type": "text/plain" },
        });
      })
      .on("post", "/certificates/{id}/cancel", async ({ params }) => {
        const certificate = this.#certificates.get(params.id);
        if (!certificate) return NOT_FOUND;
        const status = statusAt(await this.#advance(certificate), this.#world.clock.now());
        if (status !== "draft" && status !== "pending_validation")
          return refusal(2833, "certificate_cannot_be_cancelled");
        certificate.status = "cancelled";
        delete certificate.activeAt;
        delete certificate.issued;
        return { status: 200, body: { success: 1 as const } };
      })
      .on("post", "/certificates/{id}/revoke", async ({ params, json, form }) => {
        const certificate = this.#certificates.get(params.id);
        if (!certificate) return NOT_FOUND;
        const { reason } = await readFields(json, form);
        if (reason !== undefined && (typeof reason !== "string" || !REVOCATION_REASONS.includes(reason)))
          return refusal(2905, "invalid_revocation_reason");
        const status = statusAt(await this.#advance(certificate), this.#world.clock.now());
        if (status !== "issued" && status !== "expiring_soon")
          return refusal(2907, "certificate_not_in_revocable_state");
        certificate.status = "revoked";
        return { status: 200, body: { success: 1 as const } };
      })
      .on("post", "/validation/csr", async ({ json, form }) => {
        const { csr } = await readFields(json, form);
        const read = await readCreate({ certificate_domains: "csr.example.test", certificate_csr: csr });
        if ("draft" in read || read.body.error.type === "csr_cn_is_invalid")
          return { status: 200, body: { valid: true } };
        return {
          status: 200,
          body: { valid: false, error: { code: read.body.error.code, type: read.body.error.type } },
        };
      });
  }

  /** Adds a draft certificate. */
  #add(draft: ZerosslDraft, now: Date): ZerosslCertificateState {
    const certificate = newZerosslCertificate(draft, now);
    this.#certificates.set(certificate.id, certificate);
    this.#world.faults.listLag.noteCreated(`zerossl:${certificate.id}`, now);
    return certificate;
  }

  /** Starts a draft's validation by `method`, checking the fake DNS or web at once for the hash-based methods. */
  async #verify(certificate: ZerosslCertificateState, method: unknown, emails: unknown) {
    if (typeof method !== "string" || method === "") return refusal(2828, "missing_validation_method");
    if (!ZEROSSL_VALIDATION_METHODS.includes(method as ZerosslValidationMethod))
      return refusal(2827, "invalid_validation_method");
    if (certificate.status !== "draft") {
      return certificate.status === "pending_validation" || certificate.status === "issued"
        ? ({ status: 200, body: this.#view(await this.#advance(certificate)) } as const)
        : refusal(2831, "certificate_not_ready_to_validate");
    }
    const names = namesOf(certificate);
    if (method === "EMAIL") {
      const addresses = typeof emails === "string" ? emails.split(",").map((email) => email.trim()) : [];
      if (addresses.length !== names.length) return refusal(2825, "missing_validation_emails");
      if (names.some((name, i) => !approversFor(name).includes(addresses[i]!.toLowerCase())))
        return refusal(2826, "invalid_validation_email");
      certificate.validationType = "EMAIL";
      certificate.status = "pending_validation";
      this.#mailApprovers(certificate, addresses);
      return { status: 200, body: this.#view(certificate) } as const;
    }
    const details: Record<string, Record<string, unknown>> = {};
    let passed = true;
    for (const name of names) {
      const found = this.#published(certificate, name, method as ZerosslValidationMethod);
      passed &&= found.ok;
      details[name] = found.ok ? { validation_successful: true } : found.detail;
    }
    if (!passed) return refusal(0, "domain_control_validation_failed", details as DomainValidationDetails);
    certificate.validationType = method as ZerosslValidationMethod;
    certificate.status = "pending_validation";
    await this.#issue(certificate, new Date(this.#world.clock.now().getTime() + this.#options.issuanceDelayMs));
    return { status: 200, body: this.#view(certificate) } as const;
  }

  /** Whether the CNAME record or file for `name` is where it must be, and what ZeroSSL reports when it is not. */
  #published(certificate: ZerosslCertificateState, name: string, method: ZerosslValidationMethod) {
    if (method === "CNAME_CSR_HASH") {
      const { name: record, target } = cnameFor(certificate, name);
      const [found] = this.#world.dns.lookup("CNAME", record);
      return found === target.toLowerCase()
        ? { ok: true as const }
        : {
            ok: false as const,
            detail: {
              cname_found: found === undefined ? 0 : 1,
              record_correct: 0,
              target_host: record,
              target_record: target,
              actual_record: found ?? "",
            },
          };
    }
    const file = fileFor(certificate, name);
    const url = method === "HTTPS_CSR_HASH" ? file.https : file.http;
    const served = this.#world.web.read(url);
    const ok =
      served
        ?.trim()
        .split(/\r?\n/)
        .map((line) => line.trim())
        .join("\n") === file.lines.join("\n");
    return ok
      ? { ok: true as const }
      : {
          ok: false as const,
          detail: {
            file_found: served === undefined ? 0 : 1,
            error: true,
            error_slug: served === undefined ? "file_not_found" : "invalid_file_content",
            error_info: `${url} does not serve the expected content`,
          },
        };
  }

  /** Mails one approver per name, in the names' order, keeping each e-mail's approval code. */
  #mailApprovers(certificate: ZerosslCertificateState, addresses: readonly string[]): void {
    const now = this.#world.clock.now();
    certificate.approvals = namesOf(certificate).map((name, i) => {
      const email = addresses[i] ?? approversFor(name)[0]!;
      const code = this.#world.mail.send({
        to: email,
        subject: `Verify ${baseName(name)} for your SSL certificate`,
        sentAt: now,
      });
      return { name, email, code };
    });
  }

  /**
   * Moves a certificate on by what happened outside the API: once every approval e-mail is approved, the CA issues
   * it the issuance delay after the last approval (however long after that the API is asked).
   */
  async #advance(certificate: ZerosslCertificateState): Promise<ZerosslCertificateState> {
    const { approvals } = certificate;
    if (certificate.status !== "pending_validation" || certificate.activeAt !== undefined || !approvals?.length)
      return certificate;
    let lastApproval = 0;
    for (const approval of approvals) {
      const email = this.#world.mail.inbox(approval.email).find((message) => message.code === approval.code);
      if (email?.approvedAt === undefined) return certificate;
      lastApproval = Math.max(lastApproval, Date.parse(email.approvedAt));
    }
    await this.#issue(certificate, new Date(lastApproval + this.#options.issuanceDelayMs));
    return certificate;
  }

  /** Signs the certificate now, to be shown from `activeAt` on, as the CA's answer arriving then. */
  async #issue(certificate: ZerosslCertificateState, activeAt: Date): Promise<void> {
    certificate.status = "issued";
    certificate.activeAt = activeAt.toISOString();
    certificate.issued = await this.#world.ca.issue({
      commonName: certificate.commonName,
      altNames: certificate.additionalDomains,
      publicKey: certificate.publicKey,
      validFrom: activeAt,
      validDays: certificate.validityDays,
    });
  }

  /** The certificate and CA bundle of an issued certificate, or ZeroSSL's refusal. */
  async #bundle(id: string) {
    const certificate = this.#certificates.get(id);
    if (!certificate) return NOT_FOUND;
    const status = statusAt(await this.#advance(certificate), this.#world.clock.now());
    const { issued } = certificate;
    if (issued === undefined || !["issued", "expiring_soon", "expired", "revoked"].includes(status))
      return refusal(2832, "certificate_not_issued");
    return {
      status: 200,
      body: { "certificate.crt": issued.certificate, "ca_bundle.crt": `${issued.intermediate}\n${issued.root}` },
    } as const;
  }

  #view(certificate: ZerosslCertificateState) {
    return certificateView(certificate, this.#world.clock.now());
  }
}
