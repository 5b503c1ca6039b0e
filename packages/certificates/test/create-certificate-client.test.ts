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

describe("list", () => {
  it("gives each order once when the provider's pages show it twice, in the order first shown", async () => {
    const orders = ["a", "b", "b", "c", "a", "d"].map((id) => orderIn("issued", { id }));
    const ids: string[] = [];
    for await (const order of createCertificateClient(readOnly(orders)).list()) ids.push(order.id);
    expect(ids).toEqual(["a", "b", "c", "d"]);
  });
});

describe("order ids", () => {
  /** Every operation that takes an order id, as a call of the client. */
  const BY_ID = [
    ...CERTIFICATE_OPERATIONS.filter((operation) => operation !== "list" && operation !== "order"),
    "finishOrder",
  ];

  /** An adapter that can do everything, recording the ids it is given. */
  function recording(seen: string[]): CertificateAdapter {
    const order = (id: string) => {
      seen.push(id);
      return Promise.resolve(orderIn("issued", { id }));
    };
    return {
      ...readOnly([]),
      capabilities: { ...NOTHING, ...Object.fromEntries(CERTIFICATE_OPERATIONS.map((operation) => [operation, true])) },
      get: order,
      order: () => Promise.reject(new Error("not in this test")),
      validation: (id) => order(id).then(() => []),
      confirmValidation: order,
      download: (id) => order(id).then(() => Promise.reject(new Error("nothing to download here"))),
      renew: order,
      reissue: order,
      cancel: order,
      revoke: order,
    };
  }

  it.each([
    ["a number", 42, "must be an order id"],
    ["an empty id", "", "must be an order id"],
    ["blanks", "   ", "must be an order id"],
    ["513 characters", "a".repeat(513), "is longer than 512 characters"],
    ["a NUL", "cert\u0000", "holds a control character"],
    ["a newline", "cert\nX-Injected: 1", "holds a control character"],
    ["a C1 control", "cert\u009b31m", "holds a control character"],
  ])(
    "refuses %s as an id in every operation with INVALID_INPUT, before the adapter is asked",
    async (_what, id, problem) => {
      const seen: string[] = [];
      const client = createCertificateClient(recording(seen)) as unknown as Record<
        string,
        (...args: unknown[]) => Promise<unknown>
      >;
      for (const operation of BY_ID) {
        await expect(client[operation]!(id, {}), operation).rejects.toMatchObject({
          code: "INVALID_INPUT",
          message: `${operation}: id ${problem}`,
          fieldErrors: { id: [problem] },
        });
      }
      expect(seen).toEqual([]);
    },
  );

  it("gives an id of 512 characters to the adapter as it is", async () => {
    const seen: string[] = [];
    const id = `${"a".repeat(500)}/example.com`;
    await createCertificateClient(recording(seen)).get(id);
    expect(seen).toEqual([id]);
  });
});
