// Runs snippets in the sandbox through the public API of @kobako/node, as a user would.
import { Sandbox, SandboxError } from "@kobako/node";
import { answer, wrap } from "./snippets.mjs";

/**
 * Caps for the suite: the default timeout is too generous for a test, and the Ruby heap cap is
 * raised so that a difference is one of semantics, never of the memory cap (which has tests of
 * its own).
 */
export const sandboxOptions = { timeout: 10_000, memoryLimit: 16 << 20 };

const decoder = new TextDecoder();
/** @param {unknown} v */
const text = (v) => (v instanceof Uint8Array ? decoder.decode(v) : String(v));

/**
 * The sandbox's Answer for one snippet.
 * @param {Sandbox} sandbox
 * @param {string} code
 * @returns {Promise<import("./snippets.mjs").Answer>}
 */
export async function runInSandbox(sandbox, code) {
  try {
    const fields = await sandbox.eval(wrap(code));
    if (!Array.isArray(fields))
      return answer(["raise", "Unexpected", String(fields)], sandbox.stdout);
    return answer(fields.map(text), sandbox.stdout);
  } catch (error) {
    if (
      error instanceof SandboxError &&
      error.klass === "SyntaxError" &&
      error.details.kind === "syntax"
    )
      return answer(null, sandbox.stdout);
    // Caps, traps and the like: what the user would see, by class.
    const e = /** @type {{ klass?: string, name?: string, message?: string }} */ (error);
    const klass = e?.klass ?? e?.name ?? "Error";
    return answer(["raise", klass, String(e?.message ?? error)], sandbox.stdout);
  }
}

/**
 * Runs every snippet on `lanes` sandboxes side by side (each one invocation at a time).
 * @param {{ id: string, code: string }[]} snippets
 * @returns {Promise<Map<string, import("./snippets.mjs").Answer>>}
 */
export async function runAll(snippets, lanes = 2) {
  /** @type {Map<string, import("./snippets.mjs").Answer>} */
  const results = new Map();
  let next = 0;
  const lane = async () => {
    const sandbox = new Sandbox(sandboxOptions);
    try {
      for (let snippet = snippets[next++]; snippet; snippet = snippets[next++]) {
        results.set(snippet.id, await runInSandbox(sandbox, snippet.code));
      }
    } finally {
      await sandbox.close();
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return results;
}
