import { HttpResponse, http } from "msw";
import { describe, expect, it, vi } from "vitest";
import { CertkitError, writeOnce } from "../src/index.js";
import { BASE_URL, exampleClient, fakeClock, useServer } from "./support/example-api.js";

const server = useServer();

const unknownEffect = () =>
  new CertkitError({ code: "NETWORK", provider: "example", message: "no answer", effectUnknown: true });

describe("writeOnce", () => {
  it("returns the write's result and never looks it up when it succeeds", async () => {
    const find = vi.fn(() => Promise.resolve("found"));
    await expect(writeOnce({ send: () => Promise.resolve("created"), find })).resolves.toBe("created");
    expect(find).not.toHaveBeenCalled();
  });

  it("finds a write whose effect is unknown instead of sending it again", async () => {
    const send = vi.fn(() => Promise.reject(unknownEffect()));
    await expect(writeOnce({ send, find: () => Promise.resolve("found") })).resolves.toBe("found");
    expect(send).toHaveBeenCalledTimes(1);
  });

  it("never sends again when the look-up finds nothing: a lagging list proves nothing", async () => {
    const lost = unknownEffect();
    const send = vi.fn<() => Promise<string>>().mockRejectedValueOnce(lost).mockResolvedValueOnce("created");
    const find = vi.fn(() => Promise.resolve(undefined));
    await expect(writeOnce({ send, find })).rejects.toBe(lost);
    expect(send).toHaveBeenCalledTimes(1);
    expect(find).toHaveBeenCalledTimes(1);
  });

  it("rethrows any other failure without looking up", async () => {
    const refused = new CertkitError({
      code: "VALIDATION_FAILED",
      provider: "example",
      message: "bad domain",
      status: 400,
    });
    const find = vi.fn(() => Promise.resolve("found"));
    await expect(writeOnce({ send: () => Promise.reject(refused), find })).rejects.toBe(refused);
    expect(find).not.toHaveBeenCalled();
  });

  it("rethrows the write's error when the look-up fails", async () => {
    const lost = unknownEffect();
    await expect(
      writeOnce({ send: () => Promise.reject(lost), find: () => Promise.reject(new Error("down")) }),
    ).rejects.toBe(lost);
  });

  it("through a client: a create whose answer is lost is found by its reference, and exists once", async () => {
    const orders: { id: string; state: string; reference?: string }[] = [];
    server.use(
      http.post(`${BASE_URL}/orders`, async ({ request }) => {
        const body = (await request.json()) as { reference?: string };
        orders.push({ id: `o-${orders.length + 1}`, state: "pending", reference: body.reference });
        // The order is made, but the answer is lost on the way back.
        return HttpResponse.error();
      }),
      http.get(`${BASE_URL}/orders`, ({ request }) => {
        const reference = new URL(request.url).searchParams.get("reference");
        return HttpResponse.json(
          orders.filter((order) => order.reference === reference).map(({ id, state }) => ({ id, state })),
        );
      }),
    );
    const client = exampleClient(fakeClock().clock);
    const reference = "my-ref-0001";
    const order = await writeOnce({
      send: async () => {
        const { data, error } = await client.POST("/orders", { body: { domain: "shop.example.test", reference } });
        if (error) throw error;
        return data;
      },
      find: async () => {
        const { data, error } = await client.GET("/orders", { params: { query: { reference } } });
        if (error) throw error;
        return data[0];
      },
    });
    expect(order).toEqual({ id: "o-1", state: "pending" });
    expect(orders).toHaveLength(1);
  });
});
