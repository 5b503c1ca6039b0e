import { describe, expect, expectTypeOf, it } from "vitest";
import { CertkitError, PROVIDER_NAMES, type CertificateAdapter } from "../src/index.js";
import * as legacyIonos from "../src/providers/ionos-ssl/ionos-legacy-names.js";
import * as ionosSslEntry from "../src/providers/ionos-ssl/index.js";
import { IONOS_SSL_CAPABILITIES, ionosSsl } from "../src/providers/ionos-ssl/index.js";
import { PROVIDERS, providerNamed } from "../src/registry/index.js";

/** Settings as a config file would give them: every credential option set, and what an adapter requires besides. */
function settingsOf(provider: (typeof PROVIDERS)[number]): Record<string, unknown> {
  const credentials = Object.fromEntries(
    provider.options.filter((option) => option.credential).map((option) => [option.option, `test-${option.option}`]),
  );
  const required: Record<string, Record<string, unknown>> = {
    "dnsimple-v1": { email: "jane@example.com", contactId: 1 },
  };
  return { ...credentials, ...required[provider.name], baseUrl: "https://api.example.test", retry: false };
}

describe("the provider registry", () => {
  it("lists every provider once, sorted by name, as the main entry's PROVIDER_NAMES", () => {
    expect(PROVIDERS.map((provider) => provider.name)).toEqual([...PROVIDER_NAMES]);
    expect([...PROVIDER_NAMES].sort()).toEqual([...PROVIDER_NAMES]);
  });

  it.each(PROVIDERS.map((provider) => [provider.name, provider]))(
    "%s: makes its adapter from untyped settings, which declares the descriptor's name and capabilities",
    (name, provider) => {
      const adapter = provider.createAdapter(settingsOf(provider));
      expect(adapter.provider).toBe(name);
      expect(adapter.capabilities).toBe(provider.capabilities);
      expect(provider.clientPackage).toBe(`@certkit/${name}`);
    },
  );

  it.each(PROVIDERS.map((provider) => [provider.name, provider]))(
    "%s: refuses settings without credentials (INVALID_INPUT), before any request",
    (_, provider) => {
      const attempt = () => provider.createAdapter({ baseUrl: "https://api.example.test" });
      expect(attempt).toThrow(CertkitError);
      expect(attempt).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    },
  );

  it("names the malformed option when an adapter setting is wrong", () => {
    const ionos = providerNamed("ionos-ssl");
    expect(() => ionos.createAdapter({ apiKey: "a.b", pageSize: "many" })).toThrow(
      expect.objectContaining({
        code: "INVALID_INPUT",
        message: 'ionos-ssl: option "pageSize" must be a whole number, 1 or more',
        fieldErrors: { pageSize: ["must be a whole number, 1 or more"] },
      }),
    );
    expect(() =>
      providerNamed("dnsimple-v1").createAdapter({ email: "a@example.com", token: "t", contactId: 0 }),
    ).toThrow(
      expect.objectContaining({
        code: "INVALID_INPUT",
        fieldErrors: { contactId: ["must be the id of one of the account's contacts (a positive integer)"] },
      }),
    );
  });

  it("gives each option one CERTKIT_ variable, never twice, and marks every secret a credential", () => {
    const variables = PROVIDERS.flatMap((provider) => provider.options.map((option) => option.env));
    expect(new Set(variables).size).toBe(variables.length);
    expect(variables.every((name) => /^CERTKIT_[A-Z0-9_]+$/.test(name))).toBe(true);
    expect(
      PROVIDERS.flatMap((provider) => provider.options.filter((option) => option.secret && !option.credential)),
    ).toEqual([]);
    expect(
      PROVIDERS.filter((provider) => !provider.options.some((option) => option.credential)).map(
        (provider) => provider.name,
      ),
    ).toEqual([]);
  });

  it("refuses a name that is no provider's", () => {
    expect(() => providerNamed("ionos" as never)).toThrow('no provider is named "ionos"');
  });

  it("types each descriptor's adapter with its provider's name and capabilities", () => {
    expectTypeOf(providerNamed("ionos-ssl").createAdapter).returns.toEqualTypeOf<
      CertificateAdapter<typeof IONOS_SSL_CAPABILITIES, "ionos-ssl">
    >();
    expectTypeOf(PROVIDERS[0].name).toEqualTypeOf<"dnsimple">();
  });
});

describe("@certkit/certificates/ionos, the old subpath", () => {
  it("exports everything ./ionos-ssl does, and the old names as the same values", () => {
    expect(Object.keys(ionosSslEntry).every((name) => name in legacyIonos)).toBe(true);
    expect(legacyIonos.ionos).toBe(ionosSsl);
    expect(legacyIonos.IONOS_CAPABILITIES).toBe(IONOS_SSL_CAPABILITIES);
    expect([legacyIonos.mapIonosStatus, legacyIonos.IONOS_STATUS_TABLE, legacyIonos.ionosOrderView]).toEqual([
      ionosSslEntry.mapIonosSslStatus,
      ionosSslEntry.IONOS_SSL_STATUS_TABLE,
      ionosSslEntry.ionosSslOrderView,
    ]);
    expectTypeOf<legacyIonos.IonosAdapterOptions>().toEqualTypeOf<ionosSslEntry.IonosSslAdapterOptions>();
  });
});
