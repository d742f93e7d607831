// pnpm ruby:differences — runs every snippet in the sandbox (the built @kobako/node) and rewrites
// known-differences.json with the ids that differ from CRuby today, both answers beside each.
// Run it after `pnpm ruby:oracle` or a guest change; review the diff before committing it: a
// snippet that joins the list is a regression unless the change explains it.
import { categories, compare, summary, writeKnown } from "../lib/compare.mjs";
import { guestMrubyVersion } from "../lib/mruby-tests.mjs";
import { runAll } from "../lib/sandbox.mjs";
import { loadSnippets } from "../lib/snippets.mjs";

const snippets = loadSnippets();
const started = performance.now();
const results = await runAll(snippets);
const report = compare(snippets, results, undefined, {});
writeKnown(report.differences, `mruby ${guestMrubyVersion()}`);
console.log(summary(report));
console.log(
  `${Object.keys(report.differences).length} differences written to known-differences.json in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
const { counts, methods } = categories(report.differences);
console.log("by kind of difference (rough):");
for (const [kind, n] of counts) console.log(`  ${String(n).padStart(4)}  ${kind}`);
console.log(`  missing methods: ${methods.map(([m, n]) => `${m} ${n}`).join(", ")}`);
