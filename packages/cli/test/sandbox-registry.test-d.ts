import type { ProviderName } from "@certkit/certificates";
import type { SandboxProvider } from "@certkit/sandbox";
import { describe, expectTypeOf, it } from "vitest";
import { DEMO_ORDERS } from "../src/demo/demo-orders.js";
import type { ProvidersSettings } from "../src/config/provider-settings.js";
import { sandboxProviderSettings } from "../src/sandbox/sandbox-provider-settings.js";

describe("the sandbox's registry and the facade's", () => {
  it("name the same providers, so the CLI's sandbox settings and demo orders cover every provider it drives", () => {
    expectTypeOf<SandboxProvider>().toEqualTypeOf<ProviderName>();
    expectTypeOf(DEMO_ORDERS).toEqualTypeOf<Readonly<Record<ProviderName, { readonly commonName: string }>>>();
    expectTypeOf(sandboxProviderSettings).returns.toEqualTypeOf<Required<ProvidersSettings>>();
  });
});
