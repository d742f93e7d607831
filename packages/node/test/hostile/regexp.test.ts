// B66 B70: catastrophic regular expressions end as a RegexpError (Oniguruma's retry limits) or a
// TimeoutError, and the host's event loop keeps running meanwhile.
import { afterAll, describe, expect, it } from "vitest";
import { Sandbox, SandboxError, TimeoutError } from "../../dist/index.js";
import { withTicker } from "./support.js";

const catastrophic = [
  "/(a+)+$/ =~ 'a' * 30 + 'b'",
  "/(a|aa)+$/ =~ 'a' * 40 + 'b'",
  "/^(([a-z])+.)+[A-Z]([a-z])+$/ =~ 'a' * 40",
  "/(x+x+)+y/ =~ 'x' * 40",
  "/^(\\w+\\s?)*$/ =~ 'an example ' * 4 + '!'",
  "('a' * 30 + 'b').scan(/(a+)+$/)",
  "('a' * 30 + 'b').gsub(/(a+)+$/, 'x')",
  "('a' * 5_000).gsub(/(a+)+b/, 'x')",
  "('a' * 30 + 'b').split(/(a+)+$/)",
  "('a' * 30 + 'b').match?(/(a+)+$/)",
  "Regexp.new('(' * 10_000 + 'a' + ')' * 10_000)",
  "Regexp.new('a{100000}{100000}')",
  "r = /(a+)+$/; s = 'a' * 28 + 'b'; loop { r =~ s rescue nil }",
];

const sandbox = new Sandbox({ timeout: 1_000 });
afterAll(() => sandbox.close());

describe("B66 catastrophic regexps", () => {
  it.each(catastrophic)("%s", async (source) => {
    const { outcome, longestGap } = await withTicker(() => sandbox.eval(source));
    if (outcome.status === "fulfilled") {
      // Some patterns Oniguruma optimises into a quick failure.
      expect(outcome.value === null || outcome.value === false).toBe(true);
    } else {
      const error = outcome.reason as SandboxError;
      if (error instanceof TimeoutError) {
        expect(error.details.kind).toBe("timeout");
      } else {
        expect(error).toBeInstanceOf(SandboxError);
        expect(error.klass).toBe("RegexpError");
      }
    }
    expect(longestGap).toBeLessThan(250);
    expect(await sandbox.eval("'abc' =~ /b/")).toBe(1);
  });

  it("a backtracking limit is a RegexpError the script can rescue, in well under a second", async () => {
    const started = performance.now();
    const message = await sandbox.eval(
      "begin; /(a+)+$/ =~ 'a' * 30 + 'b'; rescue RegexpError => e; e.message; end",
    );
    expect(message).toMatch(/backtracking/);
    expect(performance.now() - started).toBeLessThan(900);
  });
});
