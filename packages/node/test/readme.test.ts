// The README's Node examples, run as written: each ```js block that imports @kobako/node runs as
// a script in a scratch folder where `@kobako/node` resolves to this package, and every
// `console.log(...); // expected` line must print exactly `expected`. The CLI lines of the
// README run too.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const readme = readFileSync(fileURLToPath(new URL("../../../README.md", import.meta.url)), "utf8");
const cli = join(packageDir, "dist", "cli.js");

function blocks(language: string): string[] {
  const found: string[] = [];
  const fence = new RegExp("```" + language + "\\n([\\s\\S]*?)```", "g");
  for (const match of readme.matchAll(fence)) found.push(match[1] ?? "");
  return found;
}

const scratches: string[] = [];
afterAll(() => {
  for (const dir of scratches) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "kobako-readme-"));
  scratches.push(dir);
  mkdirSync(join(dir, "node_modules", "@kobako"), { recursive: true });
  symlinkSync(packageDir, join(dir, "node_modules", "@kobako", "node"), "dir");
  return dir;
}

function expectedOutput(source: string): string[] {
  const lines: string[] = [];
  for (const line of source.split("\n")) {
    const match = /console\.log\(.*\);?\s*\/\/ (.*)$/.exec(line);
    if (match?.[1] !== undefined) lines.push(match[1]);
  }
  return lines;
}

const nodeExamples = blocks("js").filter((code) => code.includes('from "@kobako/node"'));

describe("README", () => {
  it("has Node examples", () => {
    expect(nodeExamples.length).toBeGreaterThan(0);
  });

  it.each(nodeExamples.map((code, index) => [index, code] as const))(
    "Node example %i runs as written",
    (_index, code) => {
      const dir = scratch();
      const file = join(dir, "example.mjs");
      writeFileSync(file, code);
      const run = spawnSync(process.execPath, [file], {
        cwd: dir,
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.stdout.trimEnd().split("\n")).toEqual(expectedOutput(code));
    },
  );

  const cliLines = blocks("sh")
    .flatMap((block) => block.split("\n"))
    .filter((line) => line.includes("npx kobako"));

  it.each(cliLines)("CLI line runs: %s", (line) => {
    const dir = scratch();
    writeFileSync(join(dir, "script.rb"), 'puts "from a file"\n:ok\n');
    // `npx kobako` as a user who installed the package gets it: this package's bin.
    const shell = `npx() { shift; node ${JSON.stringify(cli)} "$@"; }\n${line}\n`;
    const run = spawnSync("bash", ["-c", shell], { cwd: dir, encoding: "utf8", timeout: 30_000 });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(0);
  });
});
