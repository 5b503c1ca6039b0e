import { generateCsr } from "../../ca/generate-csr.js";
import { parseCsr } from "../../ca/sandbox-ca.js";
import { randomToken } from "../../random-ids.js";
import type { SimulatorWorld } from "../../simulator.js";
import type { DnsimpleCertificateRecord, DnsimpleRenewalRecord } from "./dnsimple-state.js";

// Let's Encrypt certificates are valid for 90 days.
const VALIDITY_DAYS = 90;

/**
 * The TXT record Let's Encrypt checks for each name: `_acme-challenge.<name>`, a wildcard's `*.` stripped. Each name is
 * its own authorization, so `*.example.com` and `example.com` get two values at the same record name.
 */
function challengeNames(certificate: DnsimpleCertificateRecord): string[] {
  return [certificate.commonName, ...certificate.alternateNames].map(
    (name) => `_acme-challenge.${name.replace(/^\*\./, "")}`,
  );
}

/**
 * What happens between DNSimple and Let's Encrypt once a certificate is requested: the DNS-01 records DNSimple
 * publishes in the zone it hosts, Let's Encrypt's check of them when its answer is due, and the key, CSR and
 * certificate DNSimple then holds.
 */
export class DnsimpleIssuance {
  readonly #world: SimulatorWorld;
  readonly #delayMs: number;
  // Completions in flight, so two requests arriving together do not issue the same certificate twice.
  readonly #completing = new Map<number, Promise<void>>();

  constructor(world: SimulatorWorld, delayMs: number) {
    this.#world = world;
    this.#delayMs = delayMs;
  }

  /** Asks Let's Encrypt: publishes the challenge records, and the answer is due after the delay. */
  request(certificate: DnsimpleCertificateRecord): void {
    const now = this.#world.clock.now();
    certificate.challenges = challengeNames(certificate).map((name) => ({ name, value: randomToken() }));
    for (const { name, value } of certificate.challenges) this.#world.dns.addTxt(name, value);
    certificate.state = "requesting";
    certificate.updatedAt = now.toISOString();
    certificate.dueAt = new Date(now.getTime() + this.#delayMs).toISOString();
  }

  /** Moves a certificate on once Let's Encrypt's answer is due, and the renewal (among `renewals`) that made it. */
  async advance(
    certificate: DnsimpleCertificateRecord,
    renewals: DnsimpleRenewalRecord[],
  ): Promise<DnsimpleCertificateRecord> {
    const due =
      certificate.state === "requesting" &&
      certificate.dueAt !== undefined &&
      Date.parse(certificate.dueAt) <= this.#world.clock.now().getTime();
    if (!due) return certificate;
    let completing = this.#completing.get(certificate.id);
    if (!completing) {
      completing = this.#complete(certificate, renewals).finally(() => this.#completing.delete(certificate.id));
      this.#completing.set(certificate.id, completing);
    }
    await completing;
    return certificate;
  }

  /** Issues the certificate at `at` with a key and CSR DNSimple makes itself, of the purchased key type. */
  async sign(certificate: DnsimpleCertificateRecord, at: Date): Promise<void> {
    const { csr, privateKey } = await generateCsr({
      commonName: certificate.commonName,
      altNames: certificate.alternateNames,
      keyType: certificate.signatureAlgorithm === "RSA" ? "rsa-2048" : "ec-p256",
    });
    const parsed = await parseCsr(csr);
    if ("problem" in parsed) throw new Error(`the DNSimple simulator made a CSR it cannot read: ${parsed.problem}`);
    certificate.issued = await this.#world.ca.issue({
      commonName: certificate.commonName,
      altNames: certificate.alternateNames,
      publicKey: parsed.publicKey,
      validFrom: at,
      validDays: VALIDITY_DAYS,
    });
    certificate.csr = csr;
    certificate.privateKey = privateKey;
    certificate.state = "issued";
    certificate.updatedAt = at.toISOString();
  }

  /**
   * Let's Encrypt checks the challenge records: every one still in the zone, the certificate is issued as of its due
   * time; any one gone, it failed. DNSimple then cleans the records up either way.
   */
  async #complete(certificate: DnsimpleCertificateRecord, renewals: DnsimpleRenewalRecord[]): Promise<void> {
    const dueAt = new Date(certificate.dueAt!);
    const passed = certificate.challenges.every(({ name, value }) => this.#world.dns.lookupTxt(name).includes(value));
    for (const { name, value } of certificate.challenges) this.#world.dns.removeTxt(name, value);
    if (passed) {
      await this.sign(certificate, dueAt);
    } else {
      certificate.state = "failed";
      certificate.updatedAt = dueAt.toISOString();
    }
    const renewal = renewals.find((candidate) => candidate.id === certificate.renewalId);
    if (renewal) {
      renewal.state = passed ? "renewed" : "failed";
      renewal.updatedAt = dueAt.toISOString();
    }
  }
}
