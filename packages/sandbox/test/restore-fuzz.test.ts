import { getResponse, type HttpHandler } from "msw";
import { describe, expect, it } from "vitest";
import {
  createSandbox,
  SANDBOX_PROVIDERS,
  SandboxClock,
  type Sandbox,
  type SandboxProvider,
  type SandboxSnapshot,
} from "../src/index.js";

// A state file is input too: edited by hand, cut down, or saved by another version. Every field of every seeded
// order is spoiled in turn (null, a number, a string, an object, an array, a boolean, a date that is no date); a
// restore must either refuse the state or leave a sandbox whose every read answers without a 5xx.

const ORIGIN = "https://restore.example.test";
const SPOILERS: unknown[] = [null, 7, "x", {}, [], true, -1, "2026-99-99T00:00:00.000Z"];

/** Every path to a value inside `value`, objects and arrays included. */
function paths(value: unknown, path: string[] = []): string[][] {
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [[...path, key], ...paths(child, [...path, key])]);
}

function spoiled(
  snapshot: SandboxSnapshot,
  provider: SandboxProvider,
  path: string[],
  spoiler: unknown,
): SandboxSnapshot {
  const copy = structuredClone(snapshot);
  let parent = copy.providers[provider] as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  parent[path.at(-1)!] = spoiler;
  return copy;
}

/** Reads every list, every order and every download of one provider, in process; returns each answer's status. */
async function readEverything(sandbox: Sandbox, handlers: HttpHandler[], provider: SandboxProvider): Promise<number[]> {
  const options = sandbox.clientOptions(ORIGIN, provider) as Record<string, string>;
  const base = options.baseUrl!;
  const headers: Record<string, string> = {
    "ionos-ssl": { "x-api-key": options.apiKey! },
    dnsimple: { authorization: `Bearer ${options.token}` },
    "dnsimple-v1": { "x-dnsimple-token": `${options.email}:${options.token}` },
    resello: { authorization: `Basic ${btoa(`${options.resellerReference}:${options.apiKey}`)}` },
    sslmarket: { "x-auth-token": options.token! },
  }[provider];
  const statuses: number[] = [];
  const get = async (path: string): Promise<unknown> => {
    const response =
      (await getResponse(handlers, new Request(`${base}${path}`, { headers }))) ?? new Response(null, { status: 404 });
    statuses.push(response.status);
    return response.ok && response.headers.get("content-type")?.includes("json") ? response.json() : undefined;
  };
  const ids = (list: unknown, pick: (item: Record<string, unknown>) => unknown) =>
    Array.isArray(list) ? list.map((item) => String(pick(item as Record<string, unknown>))) : [];
  switch (provider) {
    case "ionos-ssl": {
      const list = (await get("/v1/certificates")) as { certificates?: unknown } | undefined;
      await get("/v1/certificates/quota");
      for (const id of ids(list?.certificates, (item) => item.id))
        await get(`/v1/certificates/${encodeURIComponent(id)}`);
      break;
    }
    case "dnsimple":
      await get("/1010/domains");
      for (const domain of ["example.com", "example.org", "example.net"]) {
        const list = (await get(`/1010/domains/${domain}/certificates`)) as { data?: unknown } | undefined;
        for (const id of ids(list?.data, (item) => item.id)) {
          for (const part of ["", "/download", "/private_key"])
            await get(`/1010/domains/${domain}/certificates/${id}${part}`);
        }
      }
      break;
    case "dnsimple-v1":
      await get("/domains");
      for (const domain of ["example.com", "example.org", "example.net"]) {
        const list = await get(`/domains/${domain}/certificates`);
        for (const id of ids(list, (item) => (item.certificate as Record<string, unknown> | undefined)?.id))
          await get(`/domains/${domain}/certificates/${id}`);
      }
      break;
    case "resello": {
      const list = (await get("/ssl-certificate")) as { result?: unknown } | undefined;
      await get("/ssl-certificate-plan");
      for (const id of ids(list?.result, (item) => item.id)) {
        for (const part of [
          "",
          "/validation-details",
          "/download-crt",
          "/download-ca",
          "/download-csr",
          "/download-pkcs7",
          "/download-zip",
        ]) {
          await get(`/ssl-certificate/${id}${part}`);
        }
      }
      break;
    }
    case "sslmarket": {
      const list = (await get("/order/list")) as { orders?: unknown } | undefined;
      await get("/product/list");
      for (const id of ids(list?.orders, (item) => item.order_id)) {
        await get(`/order/order_id/${id}`);
        for (const format of ["pem_server", "pem_intermediate", "p7b"])
          await get(`/certificate/order_id/${id}/format/${format}`);
      }
      break;
    }
  }
  return statuses;
}

describe.each(SANDBOX_PROVIDERS)("a restored %s state with one field spoiled", (provider) => {
  it("is refused, or serves every read without a 5xx", { timeout: 300_000 }, async () => {
    const clock = () => new SandboxClock({ frozenAt: new Date("2026-04-01T00:00:00Z") });
    const good = await (await createSandbox({ clock: clock(), seed: true })).snapshot();
    const sandbox = await createSandbox({ clock: clock() });
    const handlers = sandbox.handlers(ORIGIN);
    const served: string[] = [];
    let refused = 0;
    let accepted = 0;
    for (const path of paths(good.providers[provider])) {
      for (const spoiler of SPOILERS) {
        try {
          await sandbox.restore(spoiled(good, provider, path, spoiler));
        } catch (problem) {
          expect(problem).toBeInstanceOf(TypeError);
          refused++;
          continue;
        }
        accepted++;
        const statuses = await readEverything(sandbox, handlers, provider);
        if (statuses.some((status) => status >= 500))
          served.push(`${path.join("/")} = ${JSON.stringify(spoiler)}: ${statuses.join(",")}`);
      }
    }
    expect(served).toEqual([]);
    // Both outcomes happen: fields the sandbox never reads may hold anything; the rest are refused.
    expect(refused).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(0);
  });
});
