import { describe } from "vitest";
import { createApiClient, type ApiClientConfig } from "../src/index.js";
import { undiciTransport } from "../src/undici/index.js";
import { describeBoundedAnswers, describeRedirectRefusal, type ConformanceTarget } from "@certkit/test-kit";
import { exampleConfig, SECRET, type paths } from "./support/example-api.js";

/** The runtime's example API, as a provider package would make its client. */
const example: ConformanceTarget<ReturnType<typeof createApiClient<paths>>> = {
  provider: "example",
  secret: SECRET,
  makeClient: (baseUrl, options) =>
    createApiClient<paths>(exampleConfig({ baseUrl, ...(options as Partial<ApiClientConfig>) })),
  read: (client) => client.GET("/orders/{id}", { params: { path: { id: "o-1" } } }),
  write: (client) => client.POST("/orders", { body: { domain: "shop.example.test" } }),
};

describe("the runtime's example client", () => {
  describeRedirectRefusal(example);
  describeBoundedAnswers(example);
});

describe("the runtime's example client on undici's Dispatcher API", () => {
  const transport = undiciTransport();
  const onUndici: typeof example = {
    ...example,
    makeClient: (baseUrl, options) => example.makeClient(baseUrl, { ...options, transport } as never),
  };
  describeRedirectRefusal(onUndici);
  describeBoundedAnswers(onUndici);
});
