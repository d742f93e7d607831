import { describe, expect, it } from "vitest";
import { DEFAULT_SERVICES } from "./services.js";
import { decodeShare, encodeShare } from "./share.js";

/** A 20 KB Ruby program that does not repeat itself much: what a long shared script looks like. */
function longScript(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `def step_${i}(x) = x * ${(i * 7919) % 1000} + ${(i * 104729) % 97} # note ${i.toString(36)}`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join("\n");
}

describe("share links", () => {
  it("round-trips code and services through a URL-safe fragment", async () => {
    const shared = { code: 'puts "héllo 🌍"\n[1, 2]', services: DEFAULT_SERVICES };
    const fragment = await encodeShare(shared);
    expect(fragment).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(await decodeShare(`#${fragment}`)).toEqual(shared);
    expect(await decodeShare(fragment)).toEqual(shared);
  });

  it("fits a 20 KB script in a link well under browsers' URL limits", async () => {
    const code = longScript(20_000);
    expect(code.length).toBeGreaterThanOrEqual(20_000);
    const fragment = await encodeShare({ code, services: DEFAULT_SERVICES });
    expect(fragment.length).toBeLessThan(16_000);
    expect((await decodeShare(fragment))?.code).toBe(code);
  });

  it("ignores fragments that are not share links or are damaged", async () => {
    expect(await decodeShare("")).toBeUndefined();
    expect(await decodeShare("#editor")).toBeUndefined();
    const fragment = await encodeShare({ code: "1", services: "" });
    expect(await decodeShare(fragment.slice(0, -4))).toBeUndefined();
    expect(await decodeShare("v1.!!!")).toBeUndefined();
  });
});
