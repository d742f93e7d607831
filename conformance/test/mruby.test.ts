// mruby's own tests of the guest's mruby version (test/t and the bundled gems' tests) run in the
// sandbox; the assertions passed must be at least what native mruby of the same version, built
// from the same Debian source, passes on the same scripts (mruby-native.json, written by
// `pnpm mruby:native`). The sources are fetched and checked on first use (scripts/mruby-sources.sh).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Sandbox } from "@kobako/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  counts,
  guestMrubyVersion,
  mrubySources,
  nativePath,
  testScripts,
} from "../lib/mruby-tests.mjs";

type Counts = ReturnType<typeof counts>;
/** Files where the sandbox passes fewer assertions than native today, each with the reason. */
const shortfalls: Record<string, string> = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "mruby", "known-shortfalls.json"), "utf8"),
);
const native: { mruby: string; total: Counts; files: Record<string, Counts> } = JSON.parse(
  readFileSync(nativePath, "utf8"),
);
const sandboxCounts = new Map<string, Counts>();
const total = { passed: 0, failed: 0, crashed: 0, skipped: 0, warned: 0 };

beforeAll(async () => {
  const scripts = testScripts(mrubySources());
  // Test files allocate freely: no heap cap. Every file takes well under a second natively and
  // in the sandbox; the timeout only bounds a file that never ends (see known-shortfalls.json).
  const sandbox = new Sandbox({ timeout: 5_000, memoryLimit: null, stdoutLimit: 16 << 20 });
  try {
    for (const { name, script } of scripts) {
      try {
        await sandbox.eval(script);
      } catch {
        // A file that raises past our rescue, fails to compile or traps counts what it printed.
      }
      const c = counts(sandbox.stdout);
      sandboxCounts.set(name, c);
      for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += c[k];
    }
  } finally {
    await sandbox.close();
  }
}, 600_000);

afterAll(() => {
  const n = native.total;
  const lines = [
    `mruby ${native.mruby} tests: sandbox ${total.passed} passed, ${total.failed} failed, ${total.crashed} crashed, ${total.skipped} skipped; native ${n.passed} passed, ${n.failed} failed, ${n.crashed} crashed, ${n.skipped} skipped`,
  ];
  for (const [name, c] of sandboxCounts) {
    const theirs = native.files[name];
    if (!theirs || c.passed === theirs.passed) continue;
    const note = shortfalls[name] ? " (known shortfall)" : "";
    lines.push(`  ${name.padEnd(40)} sandbox ${c.passed} passed, native ${theirs.passed}${note}`);
  }
  const met = total.passed >= n.passed ? "met" : "NOT MET";
  lines.push(
    `issue 12's acceptance, sandbox total ≥ native total over every file: ${met} (${total.passed} vs ${n.passed})`,
  );
  const mended = Object.keys(shortfalls).filter(
    (name) => (sandboxCounts.get(name)?.passed ?? 0) >= (native.files[name]?.passed ?? 0),
  );
  if (mended.length)
    lines.push(`known shortfalls that now reach native (remove them): ${mended.join(" ")}`);
  console.log(lines.join("\n"));
});

/** Assertions passed over the files that are not known shortfalls. */
const passedOutsideShortfalls = (files: Map<string, Counts> | Record<string, Counts>) =>
  [...(files instanceof Map ? files : new Map(Object.entries(files)))]
    .filter(([name]) => !(name in shortfalls))
    .reduce((sum, [, c]) => sum + c.passed, 0);

describe("mruby's own tests in the sandbox", () => {
  it("native counts are recorded for the guest's mruby version", () => {
    expect(native.mruby, "run `pnpm mruby:native`").toBe(guestMrubyVersion());
    expect([...sandboxCounts.keys()].sort()).toEqual(Object.keys(native.files).sort());
  });

  it("the sandbox passes at least as many assertions as native mruby", () => {
    expect(passedOutsideShortfalls(sandboxCounts)).toBeGreaterThanOrEqual(
      passedOutsideShortfalls(native.files),
    );
  });

  it("no file passes fewer assertions than natively, but for the known shortfalls", () => {
    const behind = [...sandboxCounts]
      .filter(([name, c]) => !(name in shortfalls) && c.passed < (native.files[name]?.passed ?? 0))
      .map(([name, c]) => `${name}: sandbox ${c.passed}, native ${native.files[name]?.passed}`);
    expect(behind).toEqual([]);
  });
});
