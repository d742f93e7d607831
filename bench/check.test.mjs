// The --check judgement on fixed numbers (no timing): `pnpm --filter @kobako/bench test`.
import assert from "node:assert/strict";
import { test } from "node:test";
import { bandFor, compareWithBaseline, spreads } from "./check.mjs";

const baseline = { ratios: { xor: { "kobako/mruby": { value: 2, band: 0.2 } } } };
const run = (...values) =>
  spreads(values.map((v) => [{ name: "xor", ratios: { "kobako/mruby": v } }]));

test("a ratio within its band passes, one past it fails", () => {
  assert.equal(compareWithBaseline(baseline, run(2.39)).ok, true);
  assert.equal(compareWithBaseline(baseline, run(2.41)).ok, false);
  assert.equal(compareWithBaseline(baseline, run(1.2)).ok, true); // lower is better
});

test("repeated rounds are judged by their median", () => {
  assert.equal(compareWithBaseline(baseline, run(2.1, 5, 2.2)).ok, true);
  assert.equal(compareWithBaseline(baseline, run(2.5, 1, 2.6)).ok, false);
});

test("a ratio without a baseline, or not finite, does not fail the check", () => {
  assert.equal(compareWithBaseline({ ratios: {} }, run(9)).ok, true);
  assert.deepEqual(run(Number.NaN, null), {});
});

test("the spread and the band derived from it", () => {
  const s = run(2, 2.5, 2.2).xor["kobako/mruby"];
  assert.equal(s.median, 2.2);
  assert.equal(s.spread, 0.25);
  assert.equal(bandFor(s.spread), 0.38);
  assert.equal(bandFor(0.01), 0.15);
});
