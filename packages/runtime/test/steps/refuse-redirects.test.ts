import { describe, expect, it } from "vitest";
import { refuseRedirectsStep } from "../../src/steps/refuse-redirects.js";
import { SECRET } from "../support/example-api.js";
import { orderRequest, scripted, testCall, testContext } from "../support/steps.js";

const redirect = (status: number, location: string | null) =>
  new Response("moved", { status, headers: location === null ? {} : { Location: location } });

describe("the redirect refusal step", () => {
  it.each([301, 302, 303, 307, 308])(
    "refuses HTTP %i, naming the status and the target's origin only",
    async (status) => {
      const { context } = testContext();
      const { next } = scripted(redirect(status, "https://elsewhere.example.test:8443/steal?key=1"));
      const error = await refuseRedirectsStep(next, context)(orderRequest(), testCall(context)).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: "PROVIDER", status, retryable: false, effectUnknown: false });
      expect((error as Error).message).toBe(
        `Example API: GET /orders/{id} was answered with a redirect (HTTP ${status}) to https://elsewhere.example.test:8443, which is never followed: nothing was sent there`,
      );
    },
  );

  it("says a write's effect is unknown: the server it reached may have acted on it", async () => {
    const { context } = testContext();
    const { next } = scripted(redirect(303, "/orders/o-1"));
    const error = await refuseRedirectsStep(next, context)(
      orderRequest({ method: "POST", body: "{}" }),
      testCall(context, { method: "POST" }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 303, retryable: false, effectUnknown: true });
    expect((error as Error).message).toContain("to https://api.example.test, which is never followed");
    expect((error as Error).message).toContain("the order may exist: check before sending it again");
  });

  it("redacts the target, says so when there is none or it is not a URL, and leaves the body unread", async () => {
    const { context } = testContext();
    const call = testCall(context);
    const run = async (response: Response) =>
      (
        (await refuseRedirectsStep(scripted(() => response).next, context)(orderRequest(), call).catch(
          (e: unknown) => e,
        )) as Error
      ).message;
    expect(await run(redirect(302, `https://${SECRET}.example.test/`))).toContain(
      "to https://[REDACTED].example.test,",
    );
    expect(await run(redirect(307, null))).toContain("to no location,");
    expect(await run(redirect(308, "http://[not a url"))).toContain("to a location that is not a URL,");
    const body = { pulls: 0, cancelled: false };
    const stream = new ReadableStream(
      { pull: () => void body.pulls++, cancel: () => void (body.cancelled = true) },
      { highWaterMark: 0 },
    );
    await run(new Response(stream, { status: 301, headers: { Location: "https://elsewhere.example.test/" } }));
    expect(body).toEqual({ pulls: 0, cancelled: true });
  });

  it("refuses what a browser hides (opaqueredirect) and what a fetch followed anyway", async () => {
    const { context } = testContext();
    const opaque = Object.defineProperties(new Response(null), {
      type: { value: "opaqueredirect" },
      status: { value: 0 },
    });
    const followed = Object.defineProperties(Response.json({}), {
      redirected: { value: true },
      url: { value: "https://elsewhere.example.test/x" },
    });
    const run = async (response: Response) =>
      refuseRedirectsStep(scripted(() => response).next, context)(orderRequest(), testCall(context)).catch(
        (e: unknown) => e,
      );
    expect(await run(opaque)).toMatchObject({
      code: "PROVIDER",
      message: expect.stringContaining("to a location the browser hides"),
    });
    expect(await run(followed)).toMatchObject({
      code: "PROVIDER",
      message:
        "Example API: GET /orders/{id} was redirected to https://elsewhere.example.test by a fetch that follows redirects: its answer is refused",
    });
  });

  it("lets every other status through, 304 included", async () => {
    const { context } = testContext();
    for (const status of [200, 204, 304, 404, 500]) {
      const answer = new Response(null, { status });
      const response = await refuseRedirectsStep(scripted(() => answer).next, context)(
        orderRequest(),
        testCall(context),
      );
      expect(response.status).toBe(status);
    }
  });
});
