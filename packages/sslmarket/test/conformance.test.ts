// What every client must do against a hostile server (the hostile-server suite of @certkit/test-kit), over real HTTP on loopback.
import { describeBoundedAnswers, describeRedirectRefusal, type ConformanceTarget } from "@certkit/test-kit";
import { composeApiClient } from "@certkit/runtime";
import { createSslmarketClient, sslmarketClientConfig, type paths, type SslmarketClient } from "../src/index.js";
import { ORDER_ID, orderRequest, PRODUCT_CODE } from "./support/fixtures.js";

const TOKEN = "Qz6d2a-CONFORMANCE-tok";

const sslmarket: ConformanceTarget<SslmarketClient> = {
  provider: "sslmarket",
  secret: TOKEN,
  makeClient: (baseUrl, options) => createSslmarketClient({ token: TOKEN, baseUrl, ...options }),
  read: (client) => client.GET("/order/order_id/{order_id}", { params: { path: { order_id: ORDER_ID } } }),
  write: (client) =>
    client.POST("/order/certificate/{product_code}", {
      params: { path: { product_code: PRODUCT_CODE } },
      body: orderRequest,
    }),
};

describeRedirectRefusal(sslmarket);
describeBoundedAnswers(sslmarket);
// With only the steps every client has: the safety is not among what can be left out.
describeRedirectRefusal({
  ...sslmarket,
  makeClient: (baseUrl, options) =>
    composeApiClient<paths>(sslmarketClientConfig({ token: TOKEN, baseUrl, ...options })),
});
