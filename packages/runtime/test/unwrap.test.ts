import { describe, expect, expectTypeOf, it } from "vitest";
import { CertkitError, DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS, unwrap } from "../src/index.js";

type Answer =
  | { data: { id: string }; error?: never; response: Response }
  | { data?: never; error: CertkitError; response: Response };

describe("unwrap", () => {
  it("gives the data of a successful answer, typed as the success branch's", () => {
    const answer = { data: { id: "c-1" }, response: new Response() } as Answer;
    const data = unwrap(answer);
    expectTypeOf(data).toEqualTypeOf<{ id: string }>();
    expect(data).toEqual({ id: "c-1" });
  });

  it("throws the answer's error itself, unchanged", () => {
    const error = new CertkitError({ code: "NOT_FOUND", provider: "example", message: "no such certificate" });
    const answer = { error, response: new Response(null, { status: 404 }) } as Answer;
    expect(() => unwrap(answer)).toThrow(error);
  });

  it("gives undefined data (a 204 answer) without throwing", () => {
    const noContent: { data: undefined; error?: never; response: Response } = {
      data: undefined,
      response: new Response(null, { status: 204 }),
    };
    expect(unwrap(noContent)).toBeUndefined();
  });
});

describe("time units", () => {
  it("count in milliseconds", () => {
    expect([SECOND_MS, MINUTE_MS, HOUR_MS, DAY_MS]).toEqual([1_000, 60_000, 3_600_000, 86_400_000]);
  });
});
