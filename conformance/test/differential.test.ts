// The differential suite: every snippet of snippets/ runs in the sandbox and its answer (inspect
// of the value, or exception class and message, plus stdout) is compared with CRuby 3.4's,
// recorded in oracle.json. Differences known today are listed in known-differences.json; a
// snippet that differs and is not listed fails its topic's test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare, summary } from "../lib/compare.mjs";
import { runAll } from "../lib/sandbox.mjs";
import { type Answer, loadSnippets } from "../lib/snippets.mjs";

const snippets = loadSnippets();
const topics = [...new Set(snippets.map((s) => s.topic))];
let report: ReturnType<typeof compare>;

beforeAll(async () => {
  const results: Map<string, Answer> = await runAll(snippets);
  report = compare(snippets, results);
}, 300_000);

afterAll(() => {
  if (report) console.log(summary(report));
});

describe("differential suite against CRuby 3.4", () => {
  it("has at least 1000 snippets, each with CRuby's answer recorded from its current code", () => {
    expect(snippets.length).toBeGreaterThanOrEqual(1000);
    expect(report.unrecorded, "run `pnpm ruby:oracle`").toEqual([]);
  });

  it.each(topics)("%s: no snippet differs that is not on known-differences.json", (topic) => {
    const regressions = report.regressions
      .filter((r) => r.id.startsWith(`${topic}/`))
      .map((r) => `${r.id}\n${r.code}\n  sandbox: ${r.sandbox}\n  CRuby:   ${r.cruby}`);
    expect(regressions, regressions.join("\n\n")).toEqual([]);
  });
});
