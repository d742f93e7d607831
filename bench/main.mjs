// pnpm bench: every measure of the performance targets (issue 14 and the brief's "Performance
// targets"), one table on stdout and, for a full run, in bench/RESULTS.md.
//
//   pnpm bench                      all measures; rewrites bench/RESULTS.md
//   pnpm bench xor cpu              only those measures (by name, or by number in the table)
//   pnpm bench --check              also compares the ratios with bench/baseline.json; exit 1 when
//                                   one regressed past its noise band (check.mjs)
//   pnpm bench --update-baseline    writes this run's ratios into bench/baseline.json
//   pnpm bench --repeat 5 xor       runs the measures 5 times: the spread of every ratio (noise)
//
// Each measure is one file in measures/: a function that returns a row
// { measure, kobako, peers, ratio, target, pass, ratios, notes }, where `ratios` are the numbers
// --check compares (each defined so that lower is better).
import { writeFileSync } from "node:fs";
import { availableParallelism, loadavg, totalmem } from "node:os";
import { compareWithBaseline, readBaseline, spreads, writeBaseline } from "./check.mjs";
import { ensureMruby, fmtTime, loadRubyWasm, machineFacts } from "./lib.mjs";
import browserFirstResult from "./measures/browser-first-result.mjs";
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

/** [name, measure]: the order of the table. A measure's name is how to run it alone. */
const MEASURES = [
  ["node-first", coldStart],
  ["browser-first", browserFirstResult],
  ["eval-nil", evalNil],
  ["fresh", freshSandbox],
  ["preload", runPreloaded],
  ["service", serviceCall],
  ["xor", xorLoop],
  ["cpu", cpuPrograms],
  ["rss", rss],
  ["throughput", throughput],
  ["size", size],
  ["first-result", firstResult],
];
const COLUMNS = ["measure", "kobako", "peers", "ratio", "target", "pass"];
const HEADER = ["measure", "kobako", "peer(s)", "ratio", "target", "pass/fail"];

function parseArgs(argv) {
  const options = { check: false, update: false, repeat: 1, names: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--check") options.check = true;
    else if (arg === "--update-baseline") options.update = true;
    else if (arg === "--repeat") options.repeat = Math.max(1, Number(argv[++i]) || 1);
    else if (arg === "--") continue;
    else if (arg.startsWith("-")) throw new Error(`unknown option ${arg}`);
    else options.names.push(arg);
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));
const unknown = options.names.filter(
  (n) => !MEASURES.some(([name], i) => name === n || String(i + 1) === n),
);
if (unknown.length) {
  console.error(
    `bench: no measure ${unknown.join(", ")}; measures: ${MEASURES.map(([n]) => n).join(", ")}`,
  );
  process.exit(2);
}
const selected = MEASURES.filter(
  ([name], i) =>
    options.names.length === 0 ||
    options.names.includes(name) ||
    options.names.includes(String(i + 1)),
);
const full = options.names.length === 0 && options.repeat === 1;

let ruby;
let mruby;
const context = {
  /** Native mruby's path (null when it cannot be built); built on first use. */
  get mruby() {
    mruby ??= ensureMruby();
    return mruby;
  },
  rubyWasm: () => {
    ruby ??= loadRubyWasm();
    return ruby;
  },
};

const started = performance.now();
const loadBefore = loadavg()[0];
/** rows[r][m]: repetition r of measure m. */
const rounds = [];
let failed = false;
for (let r = 0; r < options.repeat; r++) {
  const rows = [];
  for (const [name, measure] of selected) {
    process.stderr.write(`bench: ${name}${options.repeat > 1 ? ` (round ${r + 1})` : ""} …\n`);
    const t = performance.now();
    try {
      rows.push({ name, ...(await measure(context)) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failed = true;
      rows.push({ name, measure: name, kobako: `error: ${message}`, pass: false, notes: [] });
    }
    process.stderr.write(`bench: ${name} took ${fmtTime(performance.now() - t)}\n`);
  }
  rounds.push(rows);
}
const rows = rounds.at(-1);

const cell = (row, key) => {
  if (key === "pass") return row.pass == null ? "n/a" : row.pass ? "pass" : "FAIL";
  return String(row[key] ?? "—");
};
const table = rows.map((row) =>
  COLUMNS.map((key) => cell({ ...row, measure: `${row.name}: ${row.measure}` }, key)),
);
const widths = HEADER.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join(" | ");
const notes = rows.flatMap((row) => (row.notes ?? []).map((n) => `${row.name}: ${n}`));

console.log(line(HEADER));
console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
for (const r of table) console.log(line(r));
console.log(`\nNotes:\n${notes.map((n) => `- ${n}`).join("\n")}`);

/** name → ratio key → values over the rounds. */
const measured = spreads(rounds);
if (options.repeat > 1) {
  console.log(
    `\nNoise over ${options.repeat} rounds (each ratio: min / median / max, spread = max/min − 1):`,
  );
  for (const [name, ratios] of Object.entries(measured)) {
    for (const [key, s] of Object.entries(ratios)) {
      console.log(
        `- ${name} ${key}: ${s.min.toFixed(3)} / ${s.median.toFixed(3)} / ${s.max.toFixed(3)}, ` +
          `spread ${(100 * s.spread).toFixed(1)} %`,
      );
    }
  }
}
const elapsed = performance.now() - started;
console.log(`\nbench took ${fmtTime(elapsed)}`);

let checked = [];
if (options.check) {
  const result = compareWithBaseline(readBaseline(), measured);
  checked = result.lines;
  console.log(`\n${checked.join("\n")}`);
  if (!result.ok) failed = true;
}
if (options.update) {
  const path = writeBaseline(readBaseline(), measured, options.repeat, machineFacts().cpu);
  console.log(`\nbaseline written: ${path}`);
}

if (full) {
  const md = (cells) => `| ${cells.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`;
  const facts = [
    `- date: ${new Date().toISOString()}`,
    `- machine: nproc (os.availableParallelism) ${availableParallelism()}, ${machineFacts().cpu}, ` +
      `${(totalmem() / 1e9).toFixed(1)} GB RAM; shared with other work (see docs/BENCHMARKS.md for its noise)`,
    `- node ${process.version}, ${process.platform}-${process.arch}; whole run ${fmtTime(elapsed)}; ` +
      `load average (1 min) ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`,
    "- command: `pnpm bench` (= `pnpm build && pnpm --filter @kobako/bench bench`, " +
      "i.e. `node --expose-gc main.mjs` in bench/); the measure's name before the colon runs it " +
      "alone (`pnpm bench xor`)",
  ];
  const out = [
    "# kobako benchmark results",
    "",
    "Generated by `pnpm bench`; do not edit by hand.",
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
    ...(checked.length ? ["## --check", "", ...checked, ""] : []),
  ].join("\n");
  writeFileSync(new URL("./RESULTS.md", import.meta.url), out);
}
process.exit(failed ? 1 : 0);
