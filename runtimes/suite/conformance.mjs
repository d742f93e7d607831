// The runtime conformance suite: what a user of @kobako/node relies on, run unchanged under Node,
// Deno and Bun (runtimes/run.mjs installs the packed packages and starts each runtime on this
// file). Only the package's public API; no timing assertions (durations are measured, not judged).
import {
  createInThreadPlatform,
  createPlatform,
  MemoryLimitError,
  RubySymbol,
  Sandbox,
  SandboxError,
  ServiceError,
  SetupError,
  TimeoutError,
  TrapError,
} from "@kobako/node";
import { assert, run, test } from "./harness.mjs";

/** A guest that speaks the ABI but spins forever in every invocation (spin.wat). */
const spinWasm = new URL("./spin.wasm", import.meta.url);

/**
 * Set by conformance-in-thread.mjs: the suite runs on in-thread platforms (createInThreadPlatform),
 * the guest on this very thread; the tests of what only a worker can do (the hard backstop,
 * aborting a computing guest) are left out.
 */
const inThread = globalThis.KOBAKO_IN_THREAD === true;
const inThreadPlatform = inThread ? createInThreadPlatform() : undefined;

/** A platform of the suite's kind: worker options are mapped onto in-thread ones. */
function platformWith({ maxWorkers, serviceBridge, ...rest }) {
  if (!inThread) return createPlatform({ maxWorkers, serviceBridge, ...rest });
  return createInThreadPlatform({ maxInstances: maxWorkers, channel: serviceBridge, ...rest });
}

/** Registers a test that needs a worker: not in-thread. */
function workerTest(name, fn) {
  if (!inThread) test(name, fn);
}

const sandboxes = [];
function sandbox(options, platform = inThreadPlatform) {
  const made = new Sandbox(options, platform);
  sandboxes.push(made);
  return made;
}

const measured = {};

test("cold start: the first eval compiles the wasm, starts a worker and boots the guest", async () => {
  const started = performance.now();
  assert.equal(await sandbox().eval("1 + 2"), 3);
  measured.firstEvalMs = performance.now() - started;
});

test("values cross the boundary both ways", async () => {
  const box = sandbox();
  await box.preload({ name: "Echo", code: "Echo = ->(x) { x }" });
  assert.equal(await box.eval('[1, 2.5, nil, "x", {a: 1}, true]'), [
    1,
    2.5,
    null,
    "x",
    { a: 1 },
    true,
  ]);
  assert.equal(await box.eval("2**70"), 2n ** 70n);
  assert.equal(await box.eval("[0.0/0, -0.0, 1.0/0]"), [Number.NaN, -0, Number.POSITIVE_INFINITY]);
  assert.equal(await box.eval('"\\xff\\x00".b'), new Uint8Array([255, 0]));
  assert.equal(await box.eval('"héllo\\u0000!"'), "héllo\u0000!");
  const symbol = await box.eval(":ruby");
  assert.ok(symbol instanceof RubySymbol && symbol.name === "ruby", "a RubySymbol");
  assert.equal(await box.eval("{1 => :a}"), new Map([[1, new RubySymbol("a")]]));
  const echo = await box.run("Echo", [[1n << 80n, new Uint8Array([0xff, 1]), { k: [null] }]]);
  assert.equal(echo, [1n << 80n, new Uint8Array([0xff, 1]), { k: [null] }]);
});

test("every invocation starts from a fresh Ruby state", async () => {
  const box = sandbox();
  await box.eval("$leak = 42; class String; def shout = upcase; end");
  assert.equal(await box.eval("[$leak, 'a'.respond_to?(:shout)]"), [null, false]);
});

test("preloaded snippets and run", async () => {
  const box = sandbox();
  const error = await assert.rejects(box.preload({ name: "Bad", code: "def (" }), SandboxError);
  assert.equal(error.details.kind, "syntax", "a snippet that does not compile is refused");
  await box.preload({
    name: "Total",
    code: "Total = ->(xs, rate:) { (xs.sum * (1 + rate)).round(2) }",
  });
  assert.equal(await box.run("Total", [[10, 20]], { rate: 0.5 }), 45);
  assert.equal(await box.eval("Total.call([1], rate: 0)"), 1);
});

test("output is captured per invocation, and clipped at the caps", async () => {
  const box = sandbox({ stdoutLimit: 16, stderrLimit: 8 });
  assert.equal(await box.eval('puts "hi"; $stderr.print "warn"; p :x'), new RubySymbol("x"));
  assert.equal(box.stdout, "hi\n:x\n", "stdout");
  assert.equal(box.stderr, "warn", "stderr");
  assert.equal([box.stdoutTruncated, box.stderrTruncated], [false, false], "truncated");
  assert.equal(
    await box.eval('print "a" * 100; $stderr.print "b" * 100; :done'),
    new RubySymbol("done"),
  );
  assert.equal(box.stdout, "a".repeat(16), "clipped stdout");
  assert.equal(box.stderr, "b".repeat(8), "clipped stderr");
  assert.equal([box.stdoutTruncated, box.stderrTruncated], [true, true], "truncated");
});

test("errors arrive as the package's classes, with the Ruby class and backtrace", async () => {
  const box = sandbox();
  const raised = await assert.rejects(box.eval('raise ArgumentError, "bad input"'), SandboxError);
  assert.equal(
    [raised.klass, raised.message, raised.details.kind],
    ["ArgumentError", "bad input", "raise"],
  );
  assert.ok(raised instanceof Error && raised.name === "SandboxError", "a real Error subclass");
  assert.ok(raised.backtraceLines.length > 0, "a backtrace");
  const custom = await assert.rejects(
    box.eval("class Oops < StandardError; end\nraise Oops"),
    SandboxError,
  );
  assert.equal(custom.klass, "Oops", "klass");
  const syntax = await assert.rejects(box.eval("1 +"), SandboxError);
  assert.equal(syntax.details.kind, "syntax", "kind");
  const unrepresentable = await assert.rejects(box.eval("Object.new"), SandboxError);
  assert.equal(unrepresentable.details.kind, "unrepresentable", "kind");
  assert.equal(await box.eval("1"), 1);
});

function servicesOn(bridge) {
  const platform = platformWith({ serviceBridge: bridge });
  const shop = new Map([
    ["apple", 0.5],
    ["pear", 0.75],
  ]);
  class Cart {
    items = [];
    add(item) {
      this.items.push(item);
      return this.items.length;
    }
  }

  test(`${bridge}: sync and async services, keyword arguments, handles`, async () => {
    const cart = new Cart();
    const box = sandbox({}, platform);
    box
      .define("Shop")
      .bind("Price", async (item) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return shop.get(item) ?? null;
      })
      .bind("Tax", ({ amount, rate }) => Math.round(amount * rate * 100) / 100)
      .bind("Cart", () => cart);
    const total = await box.eval(`
      sum = %w[apple pear kiwi].sum { |item| Shop::Price.call(item) || 0 }
      sum + Shop::Tax.call(amount: sum, rate: 0.2)`);
    assert.equal(total, 1.5);
    assert.equal(await box.eval('c = Shop::Cart.call; c.add("apple"); c.add("pear")'), 2);
    assert.equal(cart.items, ["apple", "pear"], "the host object");
  });

  test(`${bridge}: blocks, with next and break`, async () => {
    const box = sandbox({}, platform);
    const seen = [];
    box
      .define("Each")
      .bind("Map", async (items, block) => {
        const out = [];
        for (const item of items) out.push(await block(item));
        return out;
      })
      .bind("Walk", async (n, block) => {
        for (let i = 0; i < n; i++) seen.push(await block(i));
        return "walked";
      });
    assert.equal(
      await box.eval("Each::Map.call([1, 2, 3]) { |x| next 0 if x == 2; x * 10 }"),
      [10, 0, 30],
    );
    assert.equal(await box.eval("Each::Walk.call(100) { |i| break i * 7 if i == 3; i }"), 21);
    assert.equal(seen, [0, 1, 2], "the host saw the block's values up to the break");
    assert.equal(
      await box.eval("Each::Map.call([1]) { |x| Each::Map.call([x, x]) { |y| y + 1 } }"),
      [[2, 2]],
    );
  });

  test(`${bridge}: a failing service is a ServiceError, or rescued in Ruby`, async () => {
    const box = sandbox({}, platform);
    const boom = new RangeError("out of stock");
    box.define("Stock").bind("Take", async () => {
      throw boom;
    });
    const error = await assert.rejects(box.eval("Stock::Take.call"), ServiceError);
    assert.ok(error.cause === boom, "the original error is the cause");
    assert.equal(
      await box.eval("begin; Stock::Take.call; rescue => e; e.message; end"),
      "out of stock",
    );
    assert.equal(await box.eval('Stock::Nope.call rescue "no such member"'), "no such member");
  });

  test(`${bridge}: a guest waiting on a service that never answers is stopped by the timeout`, async () => {
    const box = sandbox({ timeout: 150 }, platform);
    box.define("Slow").bind("Never", () => new Promise(() => {}));
    const error = await assert.rejects(box.eval("Slow::Never.call"), TimeoutError);
    assert.equal([error.details.hard, error.details.how], [false, "waiting"]);
    assert.equal(await box.eval("1 + 1"), 2);
  });
}

if (inThread) {
  test("the sandbox says its guest runs in-thread", () => {
    assert.equal(sandbox().threading, "in-thread");
    assert.ok(
      ["jspi", "replay"].includes(inThreadPlatform.channel),
      "a channel for async services",
    );
  });
}

// In-thread, async services wait by replay (any engine) or with JSPI; atomics needs a worker.
servicesOn(inThread ? "replay" : "atomics");
// JS Promise Integration, where the engine has it (V8 in Deno; JavaScriptCore in Bun; Node from 25).
if (typeof WebAssembly.promising === "function") servicesOn("jspi");

test("timeout: a loop stops at the guest's deadline check; the sandbox goes on", async () => {
  const box = sandbox({ timeout: 100 });
  const error = await assert.rejects(box.eval("loop {}"), TimeoutError);
  assert.ok(error instanceof TrapError, "a TrapError");
  assert.equal(
    [error.details.kind, error.details.hard, error.details.how],
    ["timeout", false, "checked"],
  );
  assert.ok(box.usage.wallTime >= 100, "usage.wallTime covers the run");
  assert.equal(await box.eval("2 + 2"), 4);
});

workerTest(
  "timeout: the hard backstop terminates a worker that never checks, and starts another",
  async () => {
    const platform = createPlatform({ wasmPath: spinWasm, maxWorkers: 1 });
    const box = sandbox({ timeout: 50 }, platform);
    for (let round = 0; round < 2; round++) {
      assert.equal(await box.eval("n"), null, `round ${round}: a worker answers`);
      const error = await assert.rejects(box.eval("h"), TimeoutError);
      assert.equal([error.details.hard, error.details.how], [true, "terminated"], `round ${round}`);
    }
  },
);

workerTest("timeout: a long call into C ends within the grace; the next call works", async () => {
  // Seconds of work in one C function; small enough that where the runtime cannot stop the thread
  // (Bun) it finishes soon after and lets the process end.
  const box = sandbox({ timeout: 50 });
  const error = await assert.rejects(
    box.eval("s = 'a' * 150_000\nt = 'a' * 75_000 + 'b'\ns.index(t)"),
    TimeoutError,
  );
  assert.equal(error.details.kind, "timeout");
  assert.equal(await box.eval("1 + 1"), 2);
});

test("memory cap: past it the run is a MemoryLimitError; the sandbox goes on", async () => {
  const box = sandbox({ memoryLimit: 1 << 20 });
  const error = await assert.rejects(
    box.eval('a = []; loop { a << "x" * 1000 }'),
    MemoryLimitError,
  );
  assert.equal(
    [error.details.kind, error.details.memoryLimit, error.klass],
    ["memory", 1 << 20, "NoMemoryError"],
  );
  const peak = box.usage.memoryPeak;
  assert.ok(peak > 0 && peak <= 1 << 20, `usage.memoryPeak within the cap: ${peak}`);
  assert.equal(await box.eval('"x" * 1000').then((s) => s.length), 1000);
});

workerTest("an aborted call rejects with the signal's reason and the sandbox goes on", async () => {
  const box = sandbox();
  const controller = new AbortController();
  const running = box.eval("loop {}", { signal: controller.signal });
  setTimeout(() => controller.abort(new Error("enough")), 50);
  const error = await assert.rejects(running, Error);
  assert.equal(error.message, "enough");
  assert.equal(await box.eval("3"), 3);
});

test("hermetic: the same seed and instant give the same result", async () => {
  const box = sandbox({ hermetic: true, seed: 7, now: Date.UTC(2030, 0, 2) });
  const source = "[Array.new(5) { rand(1000) }, Time.now.year]";
  const first = await box.eval(source);
  assert.equal(await box.eval(source), first);
  assert.equal(first[1], 2030);
});

test("sandboxes run in parallel on the pool's workers", async () => {
  const platform = platformWith({ maxWorkers: 2 });
  const boxes = [0, 1, 2, 3].map(() => sandbox({}, platform));
  const results = await Promise.all(boxes.map((box, i) => box.eval(`(1..${i + 1}).sum`)));
  assert.equal(results, [1, 3, 6, 10]);
});

test("a wasm that is not there is a SetupError naming it; nothing ran", async () => {
  const box = sandbox({}, platformWith({ wasmPath: new URL("./missing.wasm", import.meta.url) }));
  const error = await assert.rejects(box.eval("1"), SetupError);
  assert.match(error.message, /missing\.wasm/);
});

test("a closed sandbox refuses new calls", async () => {
  const box = sandbox();
  assert.equal(await box.eval("1"), 1);
  await box.close();
  const error = await assert.rejects(box.eval("1"), SandboxError);
  assert.equal(error.details.kind, "closed");
});

test("eval latency (warm)", async () => {
  const box = sandbox();
  box.define("S").bind("Id", (x) => x);
  await box.eval("nil");
  const times = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await box.eval("1 + 1");
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  measured.evalMedianMs = times[times.length >> 1];
  measured.evalP90Ms = times[Math.floor(times.length * 0.9)];
  const started = performance.now();
  assert.equal(await box.eval("1000.times { S::Id.call(1) }"), 1000);
  measured.serviceCallUs = ((performance.now() - started) / 1000) * 1000;
});

// workerd allows no timers or random values at a module's top level: its entry
// (workerd/suite-worker.mjs) sets KOBAKO_DEFER and runs the suite inside a request.
const finish = () =>
  run(async () => {
    await Promise.all(sandboxes.map((made) => made.close()));
    return {
      measured,
      bridges: [
        inThread ? "in-thread replay" : "atomics",
        ...(typeof WebAssembly.promising === "function"
          ? [inThread ? "in-thread jspi" : "jspi"]
          : []),
      ],
    };
  });
if (globalThis.KOBAKO_DEFER === true) globalThis.KOBAKO_RUN = finish;
else await finish();
