// mruby's own tests (test/t/*.rb and each bundled gem's test/*.rb of the gems the guest
// includes), assembled into one script per file: our prelude standing in for the C test driver,
// mruby's test/assert.rb, the test file, and a line with the assertion counts. The sandbox and
// native bin/mruby run exactly these scripts, so their counts compare like for like. Files that
// need a gem's C test helper (test/*.c) run too and fail the same way on both sides.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./snippets.mjs";

/** Counts of native mruby of the guest's version as upstream ships it (informational). */
export const nativePath = join(root, "mruby-native.json");
/** Counts of native mruby of the guest's version with the guest's patches and runtime gem. */
export const guestNativePath = join(root, "mruby-guest-native.json");
const repo = join(root, "..");

/**
 * The guest's mruby version, as guest/build.sh pins it (`MRUBY_ORIG=mruby_<version>.orig…`, the
 * version written out or as `$MRUBY_VERSION`).
 */
export function guestMrubyVersion() {
  const buildSh = readFileSync(join(repo, "guest", "build.sh"), "utf8");
  const orig = /^MRUBY_ORIG=mruby_(\S+)\.orig\.tar\.gz/m.exec(buildSh);
  if (!orig?.[1]) throw new Error("no MRUBY_ORIG in guest/build.sh");
  const version = /^MRUBY_VERSION=(\S+)/m.exec(buildSh)?.[1];
  const resolved = orig[1].replace(/\$\{?MRUBY_VERSION\}?/, version ?? "");
  if (resolved.includes("$")) throw new Error(`cannot resolve MRUBY_ORIG=${orig[1]}`);
  return resolved;
}

/** The gems guest/build_config.rb builds into the guest (mruby's own, not ours). */
export function guestGems() {
  const config = readFileSync(join(repo, "guest", "build_config.rb"), "utf8");
  const wasm = config.slice(config.indexOf("CrossBuild"));
  return [...new Set(wasm.match(/mruby-[a-z0-9-]+/g) ?? [])].filter(
    (g) => !g.startsWith("mruby-bin-"),
  );
}

/** Unpacked mruby sources of the guest's version: fetched and checked on first use. */
export function mrubySources() {
  return execFileSync("bash", [join(root, "scripts", "mruby-sources.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
}

/**
 * Every test file as `{ name, script }`: `core/<file>` for test/t, `<gem>/<file>` for gems.
 * @param {string} src  unpacked mruby sources
 */
export function testScripts(src) {
  const prelude = readFileSync(join(root, "mruby", "prelude.rb"), "utf8");
  const assert = readFileSync(join(src, "test", "assert.rb"), "utf8");
  /** @type {{ name: string, path: string, gem: string }[]} */
  const files = [];
  /** @param {string} dir @param {string} group */
  const add = (dir, group) => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir)
      .filter((f) => f.endsWith(".rb"))
      .sort()) {
      files.push({
        name: `${group}/${f}`,
        path: join(dir, f),
        gem: group === "core" ? "mruby-test" : group,
      });
    }
  };
  add(join(src, "test", "t"), "core");
  for (const gem of guestGems()) add(join(src, "mrbgems", gem, "test"), gem);
  return files.map(({ name, path, gem }) => ({
    name,
    script: `${prelude}
GEMNAME = ${JSON.stringify(gem)}
${assert}
begin
${readFileSync(path, "utf8")}
rescue Exception => __kobako_e
  t_print "\\n@@kobako-crash #{__kobako_e.class}: #{__kobako_e.message}\\n"
end
t_print "\\n@@kobako-counts #{$ok_test} #{$ko_test} #{$kill_test} #{$skip_test} #{$warning_test}\\n"
`,
  }));
}

/**
 * @typedef {{ passed: number, failed: number, crashed: number, skipped: number, warned: number,
 *   finished: boolean }} Counts
 */

/**
 * Counts from a run's stdout: assertions passed, failed, crashed (raised), skipped, warned
 * (no assertion). A script that did not finish (syntax error, trap) counts as nothing passed.
 * @param {string} stdout
 * @returns {Counts}
 */
export function counts(stdout) {
  const m = /@@kobako-counts (\d+) (\d+) (\d+) (\d+) (\d+)/.exec(stdout);
  if (!m) return { passed: 0, failed: 0, crashed: 0, skipped: 0, warned: 0, finished: false };
  const [passed = 0, failed = 0, crashed = 0, skipped = 0, warned = 0] = m.slice(1).map(Number);
  return { passed, failed, crashed, skipped, warned, finished: true };
}
