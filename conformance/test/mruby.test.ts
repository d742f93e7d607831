// mruby's own tests of the guest's mruby version (test/t and the bundled gems' tests) run in the
// sandbox. The baseline is native mruby of the guest's version — the same Debian source with the
// guest's patches, gems, defines and runtime gem (prelude and C methods), built with gcc
// (mruby-guest-native.json, written by `pnpm mruby:native`): file by file, the sandbox must pass
// at least as many assertions, so the wasm build, its caps and its host path lose nothing.
// Upstream's unpatched mruby (mruby-native.json) is compared for information only: where the
// guest answers as CRuby 3.4 and mruby's tests expect mruby, the reason is in
// mruby/vanilla-shortfalls.json. The sources are fetched and checked on first use
// (scripts/mruby-sources.sh).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Sandbox } from "@kobako/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  counts,
  guestMrubyVersion,
  guestNativePath,
  mrubySources,
  nativePath,
  testScripts,
} from "../lib/mruby-tests.mjs";

type Counts = ReturnType<typeof counts>;
type Record_ = { mruby: string; total: Counts; files: Record<string, Counts> };
const guestNative: Record_ = JSON.parse(readFileSync(guestNativePath, "utf8"));
const vanilla: Record_ = JSON.parse(readFileSync(nativePath, "utf8"));
/** Files where the sandbox passes fewer assertions than unpatched native mruby, with the reason. */
const vanillaShortfalls: Record<string, string> = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "mruby", "vanilla-shortfalls.json"), "utf8"),
);
const sandboxCounts = new Map<string, Counts>();
const total = { passed: 0, failed: 0, crashed: 0, skipped: 0, warned: 0 };

beforeAll(async () => {
  const scripts = testScripts(mrubySources());
  // Test files allocate freely: no heap cap. Every file takes well under a second natively and
  // in the sandbox; the timeout only bounds a file that never ends.
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

const summary = (c: Omit<Counts, "finished">) =>
  `${c.passed} passed, ${c.failed} failed, ${c.crashed} crashed, ${c.skipped} skipped`;

/** Files where the sandbox passes fewer assertions than `baseline`. */
const behind = (baseline: Record_) =>
  [...sandboxCounts]
    .filter(([name, c]) => c.passed < (baseline.files[name]?.passed ?? 0))
    .map(([name, c]) => ({ name, sandbox: c.passed, native: baseline.files[name]?.passed ?? 0 }));

afterAll(() => {
  const g = guestNative.total;
  const v = vanilla.total;
  const lines = [
    `mruby ${guestNative.mruby} tests: sandbox ${summary(total)}`,
    `  native mruby of the guest's version (patches + runtime): ${summary(g)}`,
    `  acceptance, sandbox ≥ native of the guest's version in every file: ${behind(guestNative).length === 0 ? "met" : "NOT MET"} (total ${total.passed} vs ${g.passed})`,
  ];
  for (const b of behind(guestNative))
    lines.push(`    ${b.name.padEnd(40)} sandbox ${b.sandbox} passed, native ${b.native}`);
  lines.push(
    `  informational, upstream mruby ${vanilla.mruby} unpatched: ${summary(v)} (sandbox ${total.passed - v.passed >= 0 ? "+" : ""}${total.passed - v.passed})`,
  );
  for (const b of behind(vanilla)) {
    const why =
      vanillaShortfalls[b.name] ?? "UNDOCUMENTED: add the reason to vanilla-shortfalls.json";
    lines.push(`    ${b.name.padEnd(40)} sandbox ${b.sandbox}, upstream ${b.native}: ${why}`);
  }
  const caughtUp = Object.keys(vanillaShortfalls).filter(
    (name) => !behind(vanilla).some((b) => b.name === name),
  );
  if (caughtUp.length)
    lines.push(`  vanilla shortfalls that now reach upstream (remove them): ${caughtUp.join(" ")}`);
  console.log(lines.join("\n"));
});

describe("mruby's own tests in the sandbox", () => {
  it("native counts are recorded for the guest's mruby version", () => {
    expect(guestNative.mruby, "run `pnpm mruby:native`").toBe(guestMrubyVersion());
    expect([...sandboxCounts.keys()].sort()).toEqual(Object.keys(guestNative.files).sort());
  });

  it("no file passes fewer assertions than native mruby of the guest's version", () => {
    expect(
      behind(guestNative).map((b) => `${b.name}: sandbox ${b.sandbox}, native ${b.native}`),
    ).toEqual([]);
    expect(total.passed).toBeGreaterThanOrEqual(guestNative.total.passed);
  });

  it("every file behind upstream's unpatched mruby has its reason documented", () => {
    const undocumented = behind(vanilla)
      .map((b) => b.name)
      .filter((name) => !(name in vanillaShortfalls));
    expect(undocumented).toEqual([]);
  });
});
