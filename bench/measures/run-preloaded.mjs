// run("Entrypoint") warm, with 1 and with 64 preloaded snippets.
import { Sandbox } from "@kobako/node";
import { fmtRatio, fmtTime, has, median } from "../lib.mjs";
import { echoFloor } from "./eval-nil.mjs";

const N = 2000;
// As for eval-nil: V8 tiers the guest's code up over the worker's first few thousand calls.
const WARMUP = 3000;

/** A sandbox with `count` snippets: count - 1 small constant + method ones, then Entrypoint. */
async function withSnippets(count) {
  const sandbox = new Sandbox();
  for (let i = 1; i < count; i++) {
    await sandbox.preload({ code: `K${i} = ${i}\ndef m${i}(x); x + K${i}; end`, name: `s${i}.rb` });
  }
  await sandbox.preload({ code: "K0 = 0\nEntrypoint = ->() { K0 }", name: "entry.rb" });
  return sandbox;
}

export default async function runPreloaded() {
  const row = {
    measure: 'run("Entrypoint") warm, 1 | 64 preloaded snippets',
    target: "64/1 ≤ 1.15×; 64 ≤ 60 µs + round trip",
  };
  if (!has(Sandbox, "preload") || !has(Sandbox, "run")) {
    return { ...row, kobako: "n/a (not implemented)", peers: "—", ratio: "n/a", pass: null };
  }
  const one = await withSnippets(1);
  const many = await withSnippets(64);
  const times = { one: [], many: [] };
  const guest = { one: [], many: [] };
  for (let i = 0; i < WARMUP + N; i++) {
    // Interleaved, so drift on the shared machine hits both alike.
    for (const [key, sandbox] of [
      ["one", one],
      ["many", many],
    ]) {
      const started = performance.now();
      const value = await sandbox.run("Entrypoint");
      const elapsed = performance.now() - started;
      if (value !== 0) throw new Error(`Entrypoint gave ${value}`);
      if (i >= WARMUP) {
        times[key].push(elapsed);
        guest[key].push(sandbox.usage.wallTime);
      }
    }
  }
  await Promise.all([one.close(), many.close()]);
  const t1 = median(times.one);
  const t64 = median(times.many);
  const floor = await echoFloor();
  return {
    ...row,
    kobako: `${fmtTime(t1)} | ${fmtTime(t64)}`,
    peers: `bare postMessage echo ${fmtTime(floor)}`,
    ratio: `64/1: ${fmtRatio(t64 / t1)}`,
    pass: t64 <= 0.06 + floor && t64 / t1 <= 1.15,
    ratios: { "64/1": t64 / t1 },
    notes: [
      `median of ${N} each after ${WARMUP} warm-up, interleaved; in the worker (usage.wallTime) ` +
        `${fmtTime(median(guest.one))} | ${fmtTime(median(guest.many))}; the 64 snippets are ` +
        "baked (run once per worker, restored as a patch over the boot snapshot)",
    ],
  };
}
