import type { paths as DnsimpleV1Paths } from "@certkit/dnsimple-v1";
import type { paths } from "@certkit/ionos-ssl";
import { describe, expectTypeOf, it } from "vitest";
import { TypedRoutes, type Reply } from "../src/index.js";

const routes = new TypedRoutes<paths>();

describe("TypedRoutes checks a simulator against the spec", () => {
  it("accepts documented statuses with their documented bodies", () => {
    routes.on("get", "/v1/certificates/quota", () => ({ status: 200, body: { total: 1 } }));
    routes.on("get", "/v1/certificates/{id}", ({ params }) => {
      expectTypeOf(params).toEqualTypeOf<{ id: string }>();
      return params.id === "" ? { status: 400, body: { message: "bad key" } } : { status: 200, body: { id: params.id } };
    });
    routes.on("delete", "/v1/certificates/{id}", () => ({ status: 204, body: null }));
    expectTypeOf<Reply<paths["/v1/certificates/{id}"]["delete"]>["status"]>().toEqualTypeOf<204 | 400 | 401 | 404 | 500>();
  });

  it("types the request body from the spec, every field optional", () => {
    routes.on("post", "/v1/certificates", async ({ json }) => {
      const body = await json();
      expectTypeOf(body?.commonName).toEqualTypeOf<string | undefined>();
      return { status: 202, body: { commonName: body?.commonName ?? "" } };
    });
  });

  it("rejects a path or method the spec does not have", () => {
    // @ts-expect-error no such path
    routes.on("get", "/v1/certificate", () => ({ status: 200, body: {} }));
    // @ts-expect-error the path has no PUT
    routes.on("put", "/v1/certificates", () => ({ status: 200, body: {} }));
  });

  it("rejects an undocumented status and a body of the wrong shape", () => {
    // @ts-expect-error 418 is not documented
    routes.on("get", "/v1/certificates/{id}", () => ({ status: 418, body: { id: "x" } }));
    // @ts-expect-error id is a string
    routes.on("get", "/v1/certificates/{id}", () => ({ status: 200, body: { id: 5 } }));
    // @ts-expect-error a 404 carries an ErrorResponse, whose code is an enum
    routes.on("get", "/v1/certificates/{id}", () => ({ status: 404, body: { code: "MISSING" } }));
  });

  it("lets a spec's default response stand for any status it does not list, with the default's body", () => {
    const v1 = new TypedRoutes<DnsimpleV1Paths>();
    v1.on("put", "/domains/{domain}/certificates/{id}/configure", () => ({ status: 422, body: { message: "not now" } }));
    // @ts-expect-error the default response's body still has its documented shape
    v1.on("put", "/domains/{domain}/certificates/{id}/configure", () => ({ status: 422, body: { message: 5 } }));
  });
});
