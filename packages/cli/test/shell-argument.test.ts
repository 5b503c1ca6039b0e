import { execFileSync } from "node:child_process";
import { IONOS_SSL_CAPABILITIES } from "@certkit/certificates/ionos-ssl";
import { describe, expect, it } from "vitest";
import { validationSteps } from "../src/commands/validation-to-do.ts";
import { shellArgument } from "../src/output/shell-argument.ts";

describe("shellArgument", () => {
  it("leaves a plain order reference as it is", () => {
    for (const ref of ["ionos-ssl:9f3c-41", "dnsimple:1010/example.com/100001", "resello:a_b.c@d%2F+e=f,g"])
      expect(shellArgument(ref)).toBe(ref);
  });

  it.each(["ionos-ssl:x$(touch${IFS}/tmp/pwned)", "zerossl:a b", "sslmarket:it's", "resello:`id`;rm -rf ~", "x\ny"])(
    "quotes %j so that a shell reads it back as one word, running nothing",
    (text) => {
      const echoed = execFileSync("bash", ["-c", `printf '%s' ${shellArgument(text)}`], { encoding: "utf8" });
      expect(echoed).toBe(text);
    },
  );

  it("quotes the provider's id in the commands suggested after an order", () => {
    const steps = validationSteps("ionos-ssl:x$(touch /tmp/pwned)", IONOS_SSL_CAPABILITIES, "providers");
    expect(steps).toEqual([
      "publish the record or file, or have the email approved (certkit show 'ionos-ssl:x$(touch /tmp/pwned)' says which)",
      "certkit validate 'ionos-ssl:x$(touch /tmp/pwned)'",
    ]);
  });
});
