// Compares the sandbox's answers with the oracle's and with the committed list of differences
// known today: what agrees, what regressed, what now agrees and can leave the list.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { knownPath, oraclePath, same, show } from "./snippets.mjs";

/** @param {string} code */
export const codeHash = (code) => createHash("sha256").update(code).digest("hex").slice(0, 16);

/**
 * @typedef {{ ruby: string,
 *   snippets: Record<string, { hash: string, answer: import("./snippets.mjs").Answer }> }} Oracle
 * @typedef {{ sandbox: string, cruby: string }} Difference
 */

/**
 * oracle.json: CRuby's answers, with the hash of the code each was computed from.
 * @returns {Oracle}
 */
export function loadOracle() {
  if (!existsSync(oraclePath)) return { ruby: "", snippets: {} };
  return JSON.parse(readFileSync(oraclePath, "utf8"));
}

/**
 * known-differences.json: ids that differ today, with both answers as they were then.
 * @returns {Record<string, Difference>}
 */
export function loadKnown() {
  if (!existsSync(knownPath)) return {};
  return JSON.parse(readFileSync(knownPath, "utf8")).differences;
}

/**
 * Writes known-differences.json, one line per id so that pruning reads as a small diff.
 * @param {Record<string, Difference>} differences
 * @param {string} guest
 */
export function writeKnown(differences, guest) {
  const lines = Object.keys(differences)
    .sort()
    .map((id) => `  ${JSON.stringify(id)}: ${JSON.stringify(differences[id])}`);
  writeFileSync(
    knownPath,
    `{\n "guest": ${JSON.stringify(guest)},\n "differences": {\n${lines.join(",\n")}\n }\n}\n`,
  );
}

/**
 * @param {{ id: string, topic: string, code: string }[]} snippets
 * @param {Map<string, import("./snippets.mjs").Answer>} results  the sandbox's answers
 */
export function compare(snippets, results, oracle = loadOracle(), known = loadKnown()) {
  /** @type {Map<string, { total: number, agree: number }>} */
  const topics = new Map();
  /** @type {{ id: string, code: string, sandbox: string, cruby: string }[]} */
  const regressions = [];
  /** @type {string[]} */
  const nowAgree = [];
  /** @type {string[]} */
  const unrecorded = [];
  /** @type {Record<string, Difference>} */
  const differences = {};
  const report = {
    total: 0,
    agree: 0,
    /** differ and are not on the known list: each fails the test */
    regressions,
    /** on the known list but agree now: the list can be pruned */
    nowAgree,
    /** snippets the oracle has no answer for, or one computed from other code */
    unrecorded,
    /** id → { sandbox, cruby } for every snippet that differs */
    differences,
    topics,
  };
  for (const { id, topic, code } of snippets) {
    const recorded = oracle.snippets[id];
    if (!recorded || recorded.hash !== codeHash(code)) {
      report.unrecorded.push(id);
      continue;
    }
    const mine = results.get(id);
    if (!mine) continue;
    const t = topics.get(topic) ?? { total: 0, agree: 0 };
    topics.set(topic, t);
    t.total++;
    report.total++;
    if (same(mine, recorded.answer)) {
      t.agree++;
      report.agree++;
      if (known[id]) report.nowAgree.push(id);
    } else {
      const entry = { sandbox: show(mine), cruby: show(recorded.answer) };
      report.differences[id] = entry;
      if (!known[id]) report.regressions.push({ id, code, ...entry });
    }
  }
  return report;
}

/** @param {number} a @param {number} n */
const pct = (a, n) => (n ? `${((100 * a) / n).toFixed(1)} %` : "n/a");

/**
 * A readable summary: agreement overall and per topic, then what can leave the list.
 * @param {ReturnType<typeof compare>} report
 */
export function summary(report) {
  const lines = [
    `differential suite: ${report.agree} of ${report.total} snippets agree with CRuby (${pct(report.agree, report.total)}; issue 12's target: 97 %)`,
  ];
  for (const [topic, t] of [...report.topics].sort()) {
    lines.push(
      `  ${topic.padEnd(16)} ${String(t.agree).padStart(4)} / ${String(t.total).padEnd(4)} ${pct(t.agree, t.total)}`,
    );
  }
  if (report.nowAgree.length) {
    lines.push(
      `${report.nowAgree.length} snippets on known-differences.json now agree (prune with \`pnpm ruby:differences\`):`,
      `  ${report.nowAgree.join(" ")}`,
    );
  }
  if (report.unrecorded.length) {
    lines.push(
      `${report.unrecorded.length} snippets have no CRuby answer yet (run \`pnpm ruby:oracle\`): ${report.unrecorded.slice(0, 20).join(" ")}`,
    );
  }
  return lines.join("\n");
}

/** mruby's Hash#inspect (`{:a=>1, "b"=>2}`) in CRuby 3.4's form (`{a: 1, "b" => 2}`), roughly. */
/** @param {string} s */
const newHashStyle = (s) =>
  s
    .replace(/:(\w+[?!]?)=>/g, "$1: ")
    .replace(/:"([^"]*)"=>/g, '"$1": ')
    .replace(/=>/g, " => ");

/**
 * A rough class for one difference, to see what the guest lacks most: by the sandbox's and
 * CRuby's answers as rendered by `show`.
 * @param {{ sandbox: string, cruby: string }} d
 */
export function category(d) {
  const { sandbox: s, cruby: c } = d;
  if (s.startsWith("SyntaxError")) return "syntax the guest does not parse";
  if (/integer overflow|too big for integer/.test(s)) return "no big integers";
  const missing = /^NoMethodError: undefined method '([^']+)'/.exec(s);
  if (missing && !c.startsWith(s)) {
    if (/^NoMethodError/.test(c)) return "error message (NoMethodError)";
    return `missing method ${missing[1]}`;
  }
  if (/^NameError: uninitialized constant (\w+)/.test(s) && !c.startsWith("NameError"))
    return `missing constant ${/constant (\w+)/.exec(s)?.[1]}`;
  if (newHashStyle(s) === c) return "Hash#inspect form";
  const sRaise = /^([\w:]+(?:Error|Exception|Iteration)): /.exec(s);
  const cRaise = /^([\w:]+(?:Error|Exception|Iteration|Exit)): /.exec(c);
  if (sRaise && cRaise) return sRaise[1] === cRaise[1] ? "error message" : "exception class";
  if (sRaise) return "raises where CRuby answers";
  if (cRaise) return "answers where CRuby raises";
  if (/\d\.\d|e[+-]\d/.test(c) && /\d\.\d|e[+-]\d/.test(s)) return "float value or printing";
  return "wrong value";
}

/**
 * Categories with their counts, largest first; `missing method x` grouped under one line.
 * @param {Record<string, Difference>} differences
 */
export function categories(differences) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  /** @type {Map<string, number>} */
  const methods = new Map();
  for (const d of Object.values(differences)) {
    let k = category(d);
    if (k.startsWith("missing method ")) {
      const m = k.slice("missing method ".length);
      methods.set(m, (methods.get(m) ?? 0) + 1);
      k = "missing method";
    }
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  /** @param {[string, number]} a @param {[string, number]} b */
  const byCount = (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
  return { counts: [...counts].sort(byCount), methods: [...methods].sort(byCount) };
}
