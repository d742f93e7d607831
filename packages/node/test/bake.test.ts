// Baked preloads: a worker runs a sandbox's services and snippets once and restores that state
// for its invocations. Whatever a script can observe must be what replaying them gives: each pair
// below runs the same sandbox on a baking platform and on one with baking off (bakeCache: 0).
import { describe, expect, it } from "vitest";
import { createPlatform, type Platform, Sandbox, type Snippet } from "../dist/index.js";
import { failure } from "./support.js";

const baking = createPlatform({ maxWorkers: 1 });
const replaying = createPlatform({ maxWorkers: 1, bakeCache: 0 });
// Room for a handful of small baked states only (an entry may take a quarter of it).
const tiny = createPlatform({ maxWorkers: 1, bakeCache: 64 << 10 });

const SNIPPETS: Snippet[] = [
  { code: "LIST = [1, 2, 3]\nCONFIG = { name: 'x', tags: %w[a b] }", name: "data.rb" },
  {
    code: `class Point
  attr_reader :x, :y
  @@made = 0
  def initialize(x, y); @y = y; @x = x; @@made += 1; end
  def self.made = @@made
end
module Helpers; def self.twice(v) = v * 2; end`,
    name: "point.rb",
  },
  {
    code: "Entry = ->(n = 1) { LIST << n; [LIST, Point.new(n, 2).instance_variables, Point.made, Helpers.twice(n), CONFIG] }",
    name: "entry.rb",
  },
];

async function sandboxOn(
  platform: Platform,
  snippets: Snippet[],
  options: ConstructorParameters<typeof Sandbox>[0] = {},
): Promise<Sandbox> {
  const sandbox = new Sandbox(options, platform);
  for (const snippet of snippets) await sandbox.preload(snippet);
  return sandbox;
}

/** The same calls on a baking and a replaying sandbox; both give the same values and output. */
async function sameAsReplay(
  snippets: Snippet[],
  calls: ((sandbox: Sandbox) => Promise<unknown>)[],
  options: ConstructorParameters<typeof Sandbox>[0] = {},
): Promise<unknown[]> {
  const outcomes: unknown[][] = [];
  for (const platform of [baking, replaying]) {
    await using sandbox = await sandboxOn(platform, snippets, options);
    const seen: unknown[] = [];
    for (const call of calls) {
      try {
        seen.push({ value: await call(sandbox) });
      } catch (error) {
        const { name, message } = error as Error;
        seen.push({ error: name, message });
      }
      seen.push({ stdout: sandbox.stdout, stderr: sandbox.stderr });
    }
    outcomes.push(seen);
  }
  expect(outcomes[0]).toEqual(outcomes[1]);
  return outcomes[0] as unknown[];
}

describe("baked preloads give what replaying them gives", () => {
  it("for run and eval, and every invocation starts from the preloaded state again", async () => {
    const calls = [1, 2, 3].map((n) => (s: Sandbox) => s.run("Entry", [n]));
    calls.push((s) => s.eval("LIST.push(9); [LIST, CONFIG[:tags].map(&:upcase!), Point.made]"));
    calls.push((s) => s.run("Entry"));
    const seen = await sameAsReplay(SNIPPETS, calls);
    // Each call saw the snippets' LIST, not the one the call before pushed to.
    expect((seen[0] as { value: unknown[] }).value[0]).toEqual([1, 2, 3, 1]);
    expect((seen[2] as { value: unknown[] }).value[0]).toEqual([1, 2, 3, 2]);
  });

  it("for symbols and instance variables interned after the snippets", async () => {
    const source = `o = Object.new
o.instance_variable_set(:@zz_fresh, 1)
o.instance_variable_set(:@aa_fresh, 2)
[o.instance_variables, :fresh_symbol.to_s, Point.new(1, 2).instance_variables]`;
    await sameAsReplay(SNIPPETS, [(s) => s.eval(source), (s) => s.eval(source)]);
  });

  it("with services: names are defined, calls go to the host on every invocation", async () => {
    for (const platform of [baking, replaying]) {
      let calls = 0;
      await using sandbox = new Sandbox({}, platform);
      sandbox.define("KV").bind("Get", (key: string) => {
        calls++;
        return `v:${key}`;
      });
      await sandbox.preload({ code: "Fetch = ->(k) { KV::Get.call(k) }" });
      expect(await sandbox.run("Fetch", ["a"])).toBe("v:a");
      expect(await sandbox.run("Fetch", ["b"])).toBe("v:b");
      expect(calls).toBe(2);
    }
  });

  it("for snippets that call a service, print, raise or draw random numbers (replayed)", async () => {
    for (const platform of [baking, replaying]) {
      let calls = 0;
      await using sandbox = new Sandbox({}, platform);
      sandbox.define("Conf").bind("Load", () => ++calls);
      await sandbox.preload({ code: "LOADED = Conf::Load.call rescue -1" });
      await sandbox.preload({ code: 'puts "loading"; $stderr.print "warn"' });
      await sandbox.preload({ code: "DRAWN = rand(2**40)" });
      const first = (await sandbox.eval("[LOADED, DRAWN]")) as number[];
      expect(sandbox.stdout).toBe("loading\n");
      expect(sandbox.stderr).toBe("warn");
      const second = (await sandbox.eval("[LOADED, DRAWN]")) as number[];
      expect(sandbox.stdout).toBe("loading\n");
      expect([first[0], second[0]]).toEqual([1, 2]);
      // A fresh seed each invocation: the snippet's draw differs (2^-40 chance of a false alarm).
      expect(first[1]).not.toBe(second[1]);
    }
    const raising: Snippet[] = [{ code: "X = 1" }, { code: "raise 'broken snippet'" }];
    const seen = await sameAsReplay(raising, [(s) => s.eval("X"), (s) => s.eval("X")]);
    expect(seen[0]).toMatchObject({ error: "SandboxError" });
  });

  it("for the per-invocation seed and a hermetic sandbox's seed and clock", async () => {
    const random = "[rand(2**40), Random.new.rand(2**40), [1, 2, 3, 4, 5].shuffle, Time.now.to_i]";
    const snippets: Snippet[] = [
      {
        code: "T0 = Time.now.year\nFUTURE = Time.now.year >= 2030\nSEEDED = Random.new(7).rand(100)",
      },
    ];
    const hermetic = { hermetic: true, seed: 99, now: new Date("2035-01-02T03:04:05Z") };
    const seen = await sameAsReplay(
      snippets,
      [(s) => s.eval(random), (s) => s.eval(random)],
      hermetic,
    );
    expect(seen[0]).toEqual(seen[2]);
    const kept = await sameAsReplay(snippets, [(s) => s.eval("[T0, FUTURE, SEEDED]")], hermetic);
    expect((kept[0] as { value: unknown[] }).value.slice(0, 2)).toEqual([2035, true]);
    // Not hermetic: a fresh seed for every invocation, after the restore.
    await using sandbox = await sandboxOn(baking, snippets);
    const a = (await sandbox.eval(random)) as unknown[];
    const b = (await sandbox.eval(random)) as unknown[];
    expect(a[0]).not.toBe(b[0]);
    expect(a[1]).not.toBe(b[1]);
  });

  it("for the memory cap and the timeout", async () => {
    const snippets: Snippet[] = [{ code: "BIG = 'x' * 200_000" }];
    await sameAsReplay(
      snippets,
      [(s) => s.eval("'y' * 4_000_000; 1"), (s) => s.eval("BIG.size"), (s) => s.eval("loop {}")],
      { memoryLimit: 2 << 20, timeout: 300 },
    );
    // A snippet that never ends times every invocation out, baked or not.
    await using slow = await sandboxOn(baking, [{ code: "loop {}" }], { timeout: 100 });
    expect((await failure(slow.eval("1"))).name).toBe("TimeoutError");
    expect((await failure(slow.eval("1"))).name).toBe("TimeoutError");
  });
});

describe("baked states stay with their own preload set", () => {
  it("different sandboxes never see each other's constants, methods or services", async () => {
    await using a = new Sandbox({}, baking);
    a.define("Secret").bind("Key", () => "k");
    await a.preload({ code: "SECRET = 'a-only'\ndef a_helper = 1" });
    await using b = new Sandbox({}, baking);
    await b.preload({ code: "PUBLIC = 'b'" });
    const probe =
      "[Object.const_defined?(:SECRET), Object.const_defined?(:PUBLIC), respond_to?(:a_helper, true), Object.const_defined?(:Secret)]";
    for (let i = 0; i < 2; i++) {
      expect(await a.eval(probe)).toEqual([true, false, true, true]);
      expect(await b.eval(probe)).toEqual([false, true, false, false]);
    }
  });

  it("identical preload sets share a state but not what an invocation does to it", async () => {
    const snippet = { code: "STORE = []\nAdd = ->(x) { STORE << x; STORE }" };
    await using a = await sandboxOn(baking, [snippet]);
    await using b = await sandboxOn(baking, [snippet]);
    expect(await a.run("Add", ["a"])).toEqual(["a"]);
    expect(await b.run("Add", ["b"])).toEqual(["b"]);
    expect(await a.run("Add", ["c"])).toEqual(["c"]);
  });

  it("the same snippets with other services, or other snippets, are another state", async () => {
    await using plain = await sandboxOn(baking, [{ code: "X = 1" }]);
    await using served = new Sandbox({}, baking);
    served.define("Svc").bind("Call", () => 1);
    await served.preload({ code: "X = 1" });
    await using more = await sandboxOn(baking, [{ code: "X = 1" }, { code: "Y = 2" }]);
    const probe = "[Object.const_defined?(:Svc), Object.const_defined?(:Y)]";
    for (let i = 0; i < 2; i++) {
      expect(await plain.eval(probe)).toEqual([false, false]);
      expect(await served.eval(probe)).toEqual([true, false]);
      expect(await more.eval(probe)).toEqual([false, true]);
    }
  });

  it("a worker told to forget the preludes of older sandboxes is sent them again", async () => {
    // One worker keeps 256 preludes (host/invoker.ts): 300 sandboxes make it forget some.
    const sandboxes: Sandbox[] = [];
    for (let i = 0; i < 300; i++) sandboxes.push(await sandboxOn(baking, [{ code: `N = ${i}` }]));
    for (const [i, sandbox] of sandboxes.entries()) expect(await sandbox.eval("N")).toBe(i);
    for (let i = 20; i >= 0; i--) expect(await sandboxes[i]?.eval("N += 1")).toBe(i + 1);
    await Promise.all(sandboxes.map((s) => s.close()));
  });

  it("a prelude over 1 MiB is sent with every call, and runs the same", async () => {
    const filler = `# ${"x".repeat(1 << 20)}\n`;
    await using sandbox = await sandboxOn(baking, [{ code: `${filler}BIG = [1]` }]);
    for (let i = 0; i < 3; i++) expect(await sandbox.eval("BIG << 2; BIG")).toEqual([1, 2]);
  });

  it("a full cache evicts old states and a set too large to keep is replayed", async () => {
    const sandboxes: Sandbox[] = [];
    for (let i = 0; i < 24; i++) {
      const sandbox = new Sandbox({}, tiny);
      await sandbox.preload({ code: `N = ${i}\nTABLE = (1..${i * 10}).map { |k| "entry #{k}" }` });
      sandboxes.push(sandbox);
    }
    const huge = await sandboxOn(tiny, [{ code: "HUGE = (1..5000).map { |k| k.to_s * 3 }" }]);
    for (let round = 0; round < 3; round++) {
      for (const [i, sandbox] of sandboxes.entries()) {
        expect(await sandbox.eval("TABLE.push('x'); [N, TABLE.size]")).toEqual([i, i * 10 + 1]);
      }
      expect(await huge.eval("HUGE.pop; HUGE.size")).toBe(4999);
    }
    await Promise.all([...sandboxes, huge].map((s) => s.close()));
  });
});
