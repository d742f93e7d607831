// pnpm ruby:oracle — runs every snippet in CRuby 3.4 (ruby.wasm from npm, a fresh VM per snippet)
// and records its answers in oracle.json, so the differential test needs no CRuby.
//
//   node scripts/oracle.mjs            only snippets that are new or whose code changed
//   node scripts/oracle.mjs --all      every snippet
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { File, OpenFile, PreopenDirectory, WASI } from "@bjorn3/browser_wasi_shim";
import { RubyVM } from "@ruby/wasm-wasi";
import { codeHash, loadOracle } from "../lib/compare.mjs";
import { answer, loadSnippets, oraclePath, show, wrap } from "../lib/snippets.mjs";

const require = createRequire(import.meta.url);
const all = process.argv.includes("--all");

const module = await WebAssembly.compile(
  readFileSync(require.resolve("@ruby/3.4-wasm-wasi/dist/ruby+stdlib.wasm")),
);

/** A fresh CRuby VM (WASI in JS: Node's own WASI crashes on a second VM after output). */
async function newVM() {
  const stdout = new File([]);
  const fds = [
    new OpenFile(new File([])),
    new OpenFile(stdout),
    new OpenFile(new File([])),
    new PreopenDirectory("/", new Map()),
  ];
  const wasi = new WASI([], [], fds, { debug: false });
  // Without RubyGems a VM boots in ~0.1 s instead of ~0.7 s. The snippets need no gem; `set` and
  // `json` load from the standard library all the same, and exception messages do not change
  // (did_you_mean and error_highlight add to `detailed_message`, never to `message`).
  const args = ["ruby.wasm", "--disable-gems", "-EUTF-8", "-e_=0"];
  const { vm } = await RubyVM.instantiateModule({ module, wasip1: wasi, args });
  return { vm, stdout: () => Buffer.from(stdout.data).toString("utf8") };
}

/**
 * Runs one wrapped script in a fresh CRuby VM.
 * @param {string} code
 */
async function runInCRuby(code) {
  const { vm, stdout: output } = await newVM();
  {
    const hex = Buffer.from(wrap(code), "utf8").toString("hex");
    // Evaluated at top level like a script; a syntax error is told apart from a raise.
    const result = vm
      .eval(`__diff_src = ["${hex}"].pack("H*").force_encoding("UTF-8")
__diff_fields = begin
  eval(__diff_src, TOPLEVEL_BINDING, "snippet.rb", 1)
rescue SyntaxError
  nil
end
$stdout.flush
__diff_fields.nil? ? "SYNTAX" : __diff_fields.map { |s| [s.to_s].pack("m0") }.join(",")`)
      .toString();
    const stdout = output();
    if (result === "SYNTAX") return answer(null, stdout);
    return answer(
      result.split(",").map((b) => Buffer.from(b, "base64").toString("utf8")),
      stdout,
    );
  }
}

const oracle = loadOracle();
const version = (await newVM()).vm.eval("RUBY_DESCRIPTION").toString();

const snippets = loadSnippets();
/** @type {import("../lib/compare.mjs").Oracle["snippets"]} */
const fresh = {};
/** @type {string[]} */
const failed = [];
let ran = 0;
const started = performance.now();

// One line per snippet, so a refresh reads as a small diff. Saved as it goes: a long run that
// stops half way keeps what it did.
function save() {
  const lines = Object.entries(fresh).map(
    ([id, entry]) => `  ${JSON.stringify(id)}: ${JSON.stringify(entry)}`,
  );
  writeFileSync(
    oraclePath,
    `{\n "ruby": ${JSON.stringify(version)},\n "snippets": {\n${lines.join(",\n")}\n }\n}\n`,
  );
}

for (const { id, code } of snippets) {
  const previous = oracle.snippets[id];
  if (!all && previous && previous.hash === codeHash(code) && oracle.ruby === version) {
    fresh[id] = previous;
    continue;
  }
  const t = performance.now();
  try {
    const a = await runInCRuby(code);
    fresh[id] = { hash: codeHash(code), answer: a };
    process.stderr.write(
      `${id} (${(performance.now() - t).toFixed(0)} ms): ${show(a).slice(0, 120)}\n`,
    );
  } catch (error) {
    // The host gave up (e.g. the JS stack under deep recursion): no answer is recorded, so the
    // test reports the snippet as unrecorded rather than trusting a non-CRuby answer.
    failed.push(id);
    process.stderr.write(`${id}: no answer (${error})\n`);
  }
  if (++ran % 100 === 0) save();
}
save();
if (failed.length) process.stderr.write(`oracle: no answer for ${failed.join(" ")}\n`);
process.stderr.write(
  `oracle: ${ran} of ${snippets.length} snippets run in ${((performance.now() - started) / 1000).toFixed(0)} s (${version})\n`,
);
