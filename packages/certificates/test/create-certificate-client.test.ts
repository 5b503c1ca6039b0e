import { describe, expect, it } from "vitest";
import {
  CERTIFICATE_OPERATIONS,
  createCertificateClient,
  type CertificateAdapter,
  type CertificateOrder,
} from "../src/index.js";
import { orderIn } from "./support/orders.js";

const NOTHING = {
  list: false,
  get: false,
  order: false,
  validation: false,
  confirmValidation: false,
  download: false,
  renew: false,
  reissue: false,
  cancel: false,
  revoke: false,
  validationMethods: ["dns"],
  csr: "optional",
} as const;

/** An adapter of a provider that can only read, with the orders given. */
function readOnly(orders: CertificateOrder[]): CertificateAdapter {
  return {
    provider: "ionos-ssl",
    capabilities: { ...NOTHING, list: true, get: true },
    productLimits: () => undefined,
    list: () => ({
      [Symbol.asyncIterator]: () => {
        let index = 0;
        return {
          next: () =>
            Promise.resolve(
              index < orders.length ? { done: false, value: orders[index++]! } : { done: true, value: undefined },
            ),
        };
      },
    }),
    get: (id) => Promise.resolve(orders.find((order) => order.id === id)!),
  };
}

describe("createCertificateClient", () => {
  it.each(CERTIFICATE_OPERATIONS.filter((operation) => operation !== "list" && operation !== "get"))(
    "rejects %s with UNSUPPORTED when the provider lacks it, sending nothing",
    async (operation) => {
      const client = createCertificateClient(readOnly([])) as unknown as Record<
        string,
        (...args: unknown[]) => Promise<unknown>
      >;
      await expect(client[operation]!("order-1", {})).rejects.toMatchObject({
        code: "UNSUPPORTED",
        provider: "ionos-ssl",
        message: `ionos-ssl does not support ${operation}`,
      });
    },
  );

  it("rejects list with UNSUPPORTED when the loop starts", async () => {
    const listless: CertificateAdapter = { ...readOnly([]), capabilities: { ...NOTHING, get: true } };
    const client = createCertificateClient(listless);
    const loop = async () => {
      for await (const order of client.list()) void order;
    };
    await expect(loop()).rejects.toMatchObject({ code: "UNSUPPORTED", message: "ionos-ssl does not support list" });
  });

  it("calls an operation UNSUPPORTED when the capability is false, even if the adapter has the method", async () => {
    const adapter: CertificateAdapter = { ...readOnly([orderIn("issued")]), capabilities: { ...NOTHING, list: true } };
    await expect(createCertificateClient(adapter).get("order-1")).rejects.toMatchObject({ code: "UNSUPPORTED" });
  });

  it("shows an issued order past its end date as expired, in get and in list", async () => {
    const orders = [
      orderIn("issued", { id: "old", validUntil: "2026-01-01T00:00:00.000Z" }),
      orderIn("issued", { id: "new", validUntil: "2027-01-01T00:00:00.000Z" }),
      orderIn("revoked", { id: "gone", validUntil: "2026-01-01T00:00:00.000Z" }),
    ];
    const client = createCertificateClient(readOnly(orders), { now: () => new Date("2026-06-01T00:00:00Z") });
    expect((await client.get("old")).status).toBe("expired");
    expect((await client.get("old")).providerStatus).toBe("ISSUED");
    const listed: string[] = [];
    for await (const order of client.list()) listed.push(`${order.id}:${order.status}`);
    expect(listed).toEqual(["old:expired", "new:issued", "gone:revoked"]);
  });
});
