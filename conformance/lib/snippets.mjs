// The differential suite's snippets and the Ruby wrapper that runs each of them the same way in
// the sandbox and in CRuby. Both sides compute the answer inside Ruby (`inspect` of the value, or
// the exception's class and message), so a difference is one of Ruby semantics, never of how
// values cross to JavaScript. Plain JS so that the oracle script runs on Node without a build.
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = dirname(dirname(fileURLToPath(import.meta.url)));
export const snippetDir = join(root, "snippets");
export const oraclePath = join(root, "oracle.json");
export const knownPath = join(root, "known-differences.json");

/**
 * Every snippet, in file then source order. A topic file `snippets/<topic>.rb` holds entries
 * that each start with a line `# == <name>`; the id is `<topic>/<name>`.
 * @returns {{ id: string, topic: string, code: string }[]}
 */
export function loadSnippets() {
  /** @type {{ id: string, topic: string, code: string }[]} */
  const snippets = [];
  const seen = new Set();
  for (const file of readdirSync(snippetDir)
    .filter((f) => f.endsWith(".rb"))
    .sort()) {
    const topic = basename(file, ".rb");
    /** @type {{ id: string, lines: string[] } | null} */
    let current = null;
    const flush = () => {
      if (!current) return;
      const code = current.lines.join("\n").replace(/\s+$/, "");
      if (!code) throw new Error(`${current.id}: empty snippet`);
      snippets.push({ id: current.id, topic, code });
    };
    for (const line of readFileSync(join(snippetDir, file), "utf8").split("\n")) {
      const header = /^# == (\S+)\s*$/.exec(line);
      if (header) {
        flush();
        const id = `${topic}/${header[1]}`;
        if (seen.has(id)) throw new Error(`duplicate snippet id ${id}`);
        seen.add(id);
        current = { id, lines: [] };
      } else if (current) current.lines.push(line);
    }
    flush();
  }
  return snippets;
}

/**
 * The script both Rubies run: the snippet at top level inside `begin`, so `def`, `class` and
 * locals behave as in a script of its own, and the answer as an array of strings.
 * @param {string} code
 */
export function wrap(code) {
  return `__diff_result = begin
  __diff_value = begin
${code}
  end
  ["value", __diff_value.inspect]
rescue Exception => __diff_error
  ["raise", __diff_error.class.to_s, __diff_error.message.to_s]
end
__diff_result
`;
}

/**
 * Addresses in `inspect` (`#<Foo:0x000055d5…>`) differ from run to run and between the two
 * Rubies; nothing else is normalised.
 * @param {string} text
 */
export const normalise = (text) => text.replace(/0x[0-9a-f]{6,16}/g, "0x…");

/**
 * One Ruby's answer: `value` (the inspect of the last expression), `raise` (class and message),
 * or `syntax` (the script did not compile: only the class is compared, messages are the
 * parser's own); with what the script printed to stdout.
 * @typedef {{ kind: "value", inspect: string, stdout: string }
 *   | { kind: "raise", klass: string, message: string, stdout: string }
 *   | { kind: "syntax", stdout: string }} Answer
 */

/**
 * Builds an Answer from the wrapper's array of strings (or a syntax error) and the stdout.
 * @param {string[] | null} fields  null for a syntax error
 * @param {string} stdout
 * @returns {Answer}
 */
export function answer(fields, stdout) {
  const out = normalise(stdout);
  if (fields === null) return { kind: "syntax", stdout: out };
  if (fields[0] === "value")
    return { kind: "value", inspect: normalise(fields[1] ?? ""), stdout: out };
  return {
    kind: "raise",
    klass: fields[1] ?? "",
    message: normalise(fields[2] ?? ""),
    stdout: out,
  };
}

/**
 * A one-line rendering of an Answer, for reports and the known-differences list.
 * @param {Answer} a
 */
export function show(a) {
  const out = a.stdout ? ` (stdout ${JSON.stringify(a.stdout)})` : "";
  if (a.kind === "value") return `${a.inspect}${out}`;
  if (a.kind === "raise") return `${a.klass}: ${a.message}${out}`;
  return `SyntaxError${out}`;
}

/**
 * Whether two answers agree.
 * @param {Answer} a
 * @param {Answer} b
 */
export const same = (a, b) => show(a) === show(b);
