import { ids, type ProviderReads } from "./read-everything.ts";

/** Every SSLmarket read: the orders, the products, each order and its certificate in every format. */
export const reads: ProviderReads = {
  headers: (options) => ({ "x-auth-token": options.token! }),
  async readEverything(get) {
    const list = (await get("/order/list")) as { orders?: unknown } | undefined;
    await get("/product/list");
    for (const id of ids(list?.orders, (item) => item.order_id)) {
      await get(`/order/order_id/${id}`);
      for (const format of ["pem_server", "pem_intermediate", "p7b"])
        await get(`/certificate/order_id/${id}/format/${format}`);
    }
  },
};
