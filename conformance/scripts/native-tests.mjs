// Runs mruby's own tests with a native bin/mruby and writes the counts to mruby-guest-native.json
// (the guest's patches and runtime, the acceptance baseline) or mruby-native.json (vanilla).
//   node scripts/native-tests.mjs path/to/bin/mruby guest|vanilla   (scripts/native-mruby.sh builds it)
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  counts,
  guestGems,
  guestMrubyVersion,
  guestNativePath,
  mrubySources,
  nativePath,
  testScripts,
} from "../lib/mruby-tests.mjs";

const [mruby, build] = process.argv.slice(2);
if (!mruby || (build !== "guest" && build !== "vanilla"))
  throw new Error("usage: native-tests.mjs path/to/bin/mruby guest|vanilla");
const dir = mkdtempSync(join(tmpdir(), "kobako-mruby-tests-"));
/** @type {Record<string, import("../lib/mruby-tests.mjs").Counts>} */
const files = {};
const total = { passed: 0, failed: 0, crashed: 0, skipped: 0, warned: 0 };
const keys = /** @type {(keyof typeof total)[]} */ (Object.keys(total));
try {
  for (const { name, script } of testScripts(mrubySources())) {
    const file = join(dir, "t.rb");
    writeFileSync(file, script);
    const run = spawnSync(mruby, [file], {
      encoding: "utf8",
      timeout: 120_000,
      maxBuffer: 64 << 20,
    });
    const c = counts(run.stdout ?? "");
    files[name] = c;
    for (const k of keys) total[k] += c[k];
    console.log(
      `${name.padEnd(40)} ${c.finished ? "" : "(did not finish) "}${c.passed} passed, ${c.failed} failed, ${c.crashed} crashed, ${c.skipped} skipped`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const record = { mruby: guestMrubyVersion(), build, gems: guestGems(), total, files };
writeFileSync(
  build === "guest" ? guestNativePath : nativePath,
  `${JSON.stringify(record, null, 1)}\n`,
);
console.log(
  `native mruby ${record.mruby} (${build}): ${total.passed} passed, ${total.failed} failed, ${total.crashed} crashed, ${total.skipped} skipped`,
);
