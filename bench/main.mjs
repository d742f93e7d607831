// pnpm bench: every measure of the performance targets (docs: shared BRIEF, "Performance
// targets"), one table on stdout and in bench/RESULTS.md. `node main.mjs 2 6` runs a subset
// (and leaves RESULTS.md alone).
import { writeFileSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";
import { ensureMruby, fmtTime, loadRubyWasm, machineFacts } from "./lib.mjs";
import coldStart from "./measures/cold-start.mjs";
import cpuPrograms from "./measures/cpu-programs.mjs";
import evalNil from "./measures/eval-nil.mjs";
import firstResult from "./measures/first-result.mjs";
import freshSandbox from "./measures/fresh-sandbox.mjs";
import rss from "./measures/rss.mjs";
import runPreloaded from "./measures/run-preloaded.mjs";
import serviceCall from "./measures/service-call.mjs";
import size from "./measures/size.mjs";
import throughput from "./measures/throughput.mjs";
import xorLoop from "./measures/xor-loop.mjs";

const MEASURES = [
  coldStart,
  evalNil,
  freshSandbox,
  runPreloaded,
  serviceCall,
  xorLoop,
  cpuPrograms,
  rss,
  throughput,
  size,
  firstResult,
];
const COLUMNS = ["measure", "kobako", "peers", "ratio", "target", "pass"];
const HEADER = ["measure", "kobako", "peer(s)", "ratio", "target", "pass/fail"];

const picked = process.argv.slice(2).map(Number);
const selected = MEASURES.filter((_, i) => picked.length === 0 || picked.includes(i + 1));

let ruby;
const context = {
  mruby: ensureMruby(),
  rubyWasm: () => {
    ruby ??= loadRubyWasm();
    return ruby;
  },
};

const started = performance.now();
const rows = [];
let failed = false;
for (const measure of selected) {
  process.stderr.write(`bench: ${measure.name} …\n`);
  const t = performance.now();
  try {
    rows.push(await measure(context));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    failed = true;
    rows.push({ measure: measure.name, kobako: `error: ${message}`, pass: false, notes: [] });
  }
  process.stderr.write(`bench: ${measure.name} took ${fmtTime(performance.now() - t)}\n`);
}

const cell = (row, key) => {
  if (key === "pass") return row.pass === null ? "n/a" : row.pass ? "pass" : "FAIL";
  return String(row[key] ?? "—");
};
const table = rows.map((row) => COLUMNS.map((key) => cell(row, key)));
const widths = HEADER.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join(" | ");
const notes = rows.flatMap((row) =>
  (row.notes ?? []).map((n) => `${row.measure.split(".")[0]}. ${n}`),
);

console.log(line(HEADER));
console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
for (const r of table) console.log(line(r));
console.log(`\nNotes:\n${notes.map((n) => `- ${n}`).join("\n")}`);
console.log(`\nbench took ${fmtTime(performance.now() - started)}`);

if (picked.length === 0) {
  const md = (cells) => `| ${cells.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`;
  const facts = [
    `- date: ${new Date().toISOString()}`,
    `- machine: nproc (os.availableParallelism) ${availableParallelism()}, ${machineFacts().cpu}, ` +
      `${(totalmem() / 1e9).toFixed(1)} GB RAM; shared with other work, expect ±30 % noise`,
    `- node ${process.version}, ${process.platform}-${process.arch}`,
    "- command: `pnpm bench` (= `pnpm build && pnpm --filter @kobako/bench bench`, " +
      "i.e. `node --expose-gc main.mjs` in bench/)",
  ];
  const out = [
    "# kobako benchmark results",
    "",
    ...facts,
    "",
    md(HEADER),
    md(HEADER.map(() => "---")),
    ...table.map(md),
    "",
    "## Notes",
    "",
    ...notes.map((n) => `- ${n}`),
    "",
  ].join("\n");
  writeFileSync(new URL("./RESULTS.md", import.meta.url), out);
}
process.exit(failed ? 1 : 0);
