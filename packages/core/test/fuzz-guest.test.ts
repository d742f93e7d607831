// Fuzzing the guest's decoders: random and mutated invocation requests into kobako_invoke, mutated
// RITE bytecode snippets, and mutated service replies through the kobako.service_call import. The
// guest must answer with an envelope the host can decode, or trap; either way the next invocation
// must work on a fresh state. The guest runs in a worker thread (support/fuzz-guest-worker.mjs,
// core's dist: `pnpm build` first) so that a hang fails the test instead of freezing it.
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeInvocation, encodeWire, type ServiceSpec } from "../src/wire/index.js";
import {
  fuzzCount,
  fuzzScale,
  fuzzSeed,
  hexDump,
  int,
  mutate,
  pick,
  prng,
  type Random,
  randomBytes,
} from "./support/fuzz.js";

interface Report {
  outcome: string;
  calls: number;
  canary: string;
}

/** How long one case may take before it counts as a hang (the guest's own deadline is 200 ms). */
const HANG_MS = 2_000;

/**
 * The worker thread hosting the guest. A case that hangs is ended the way the host's hard
 * backstop ends one: the worker is terminated and a new one started.
 */
class GuestThread {
  #worker: Worker | undefined;
  /** The worker answers in order: one waiting resolver per message sent. */
  #pending: ((message: unknown) => void)[] = [];

  async start(): Promise<void> {
    const worker = new Worker(new URL("./support/fuzz-guest-worker.mjs", import.meta.url));
    this.#worker = worker;
    this.#pending = [];
    await new Promise<void>((resolve, reject) => {
      worker.once("error", reject);
      worker.on("message", (message: { ready?: boolean }) => {
        if (message.ready) resolve();
        else this.#pending.shift()?.(message);
      });
    });
  }

  /** The worker's answer, or `"hang"` (the worker is then replaced). */
  async send<T>(message: unknown): Promise<T | "hang"> {
    const worker = this.#worker as Worker;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answer = new Promise<T>((resolve) => {
      this.#pending.push((reply) => resolve(reply as T));
      worker.postMessage(message);
    });
    const hang = new Promise<"hang">((resolve) => {
      timer = setTimeout(() => resolve("hang"), HANG_MS);
    });
    const outcome = await Promise.race([answer, hang]);
    clearTimeout(timer);
    if (outcome === "hang") {
      await worker.terminate();
      await this.start();
    }
    return outcome;
  }

  stop(): Promise<number> | undefined {
    return this.#worker?.terminate();
  }
}

const guest = new GuestThread();
beforeAll(() => guest.start());
afterAll(() => guest.stop());

async function compile(source: string): Promise<Uint8Array> {
  const reply = await guest.send<{ rite: Uint8Array }>({ compile: source });
  if (reply === "hang") throw new Error(`compiling ${source} hung`);
  return reply.rite;
}

const services: ServiceSpec[] = [["Svc", ["Echo", "Each"]]];
const sources = [
  "$fuzz = 1; 1 + 2",
  "[1, 'a', :b, {c: 2.5, 'd' => [nil, true]}, {1 => 2}, 2**62, -0.0, \"\\xff\"]",
  "def f(x) = x * 2\nf(21)",
  "'x' * 100",
  "raise ArgumentError, 'boom'",
  "Struct.new(:a).new(1).a",
  "/a(?<b>b)/.match('ab')[:b]",
  "Adder = ->(a, b) { a + b }; Adder.call(1, 2)",
  "class Foo; def bar = :baz; end; Foo.new.bar",
  "[1, 2, 3].map { |x| x * x }.sum",
];
const serviceSources = [
  "Svc::Echo.call(1, 'two', k: :three)",
  "Svc::Each.call([1, 2]) { |x| x * 2 }",
  "begin; Svc::Echo.call(Svc::Echo.call(1)); rescue => e; e.class; end",
  "Svc::Each.call(1) { |x| break x }",
  "catch(:t) { Svc::Each.call(1) { throw :t, 5 } }",
];

function requestCorpus(rites: readonly Uint8Array[]): Uint8Array[] {
  const requests = sources.map((source) => encodeInvocation([], [], { kind: "eval", source }));
  for (const source of serviceSources) {
    requests.push(encodeInvocation(services, [], { kind: "eval", source }));
  }
  const snippets = [
    { name: "adder", code: "Adder = ->(a, b) { a + b }" },
    { name: "greeter", code: 'Greeter = ->(name:, **rest) { "hi #{name}" }' },
  ];
  requests.push(
    encodeInvocation(services, snippets, {
      kind: "run",
      target: "Adder",
      args: [2, 3],
      kwargs: undefined,
    }),
    encodeInvocation([], snippets, {
      kind: "run",
      target: "Greeter",
      args: [],
      kwargs: { name: "w", extra: [1, { deep: true }] },
    }),
    encodeInvocation([], [], { kind: "compile", source: "def x = 1" }),
  );
  for (const [i, rite] of rites.entries()) {
    requests.push(
      encodeInvocation([], [{ name: `rite ${i}`, code: rite }], { kind: "eval", source: "1" }),
    );
  }
  return requests;
}

function replyCorpus(): Uint8Array[] {
  return [
    encodeWire([0, null]),
    encodeWire([0, [1, "two", { three: Symbol.for("four") }, new Map([[1, 2]]), 2n ** 60n]]),
    encodeWire([1, { klass: "TypeError", message: "no" }]),
    Uint8Array.of(
      0x92,
      0x01,
      0x82,
      0xa5,
      ...new TextEncoder().encode("klass"),
      0xa1,
      0x45,
      0xa7,
      ...new TextEncoder().encode("message"),
      0xa1,
      0x6d,
    ),
    encodeWire([2, [1]]),
    encodeWire([2, [[1, 2], { k: "v" }]]),
    Uint8Array.of(0x92, 0x00, 0xd6, 0x02, 0x00, 0x00, 0x00, 0x01),
  ];
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack).includes(Buffer.from(needle));
}

interface Tally {
  cases: number;
  outcomes: Map<string, number>;
  failures: string[];
  /** Distinct trap messages, and hangs, with the first case that caused each. */
  traps: Map<string, string>;
}

function newTally(): Tally {
  return { cases: 0, outcomes: new Map(), failures: [], traps: new Map() };
}

function record(
  tally: Tally,
  report: Report,
  unverified: boolean,
  describeCase: () => string,
): void {
  tally.cases++;
  let kind = report.outcome.replace(/:.*/, "");
  // Traps are allowed, but one without RITE bytes in play is a guest bug worth a look.
  if (kind === "trap" && !unverified) kind = "trap without RITE";
  tally.outcomes.set(kind, (tally.outcomes.get(kind) ?? 0) + 1);
  const notable = kind.startsWith("trap") || kind === "hang";
  const colon = report.outcome.indexOf(":");
  const key = colon < 0 ? kind : `${kind}${report.outcome.slice(colon)}`;
  if (notable && !tally.traps.has(key)) tally.traps.set(key, describeCase());
  if (report.outcome.startsWith("bad envelope") || report.canary !== "ok") {
    tally.failures.push(`${describeCase()}: ${report.outcome}; next invocation: ${report.canary}`);
  }
}

function summary(name: string, seed: number, tally: Tally): string {
  const outcomes = [...tally.outcomes].map(([kind, count]) => `${count} ${kind}`).join(", ");
  const traps = [...tally.traps].map(([trap, where]) => `\n  ${trap} (first: ${where})`).join("");
  return `guest fuzz (${name}): seed ${seed}, ${tally.cases} cases: ${outcomes}${traps}`;
}

/**
 * Runs one case. `unverified`: the case carries RITE bytecode, which mruby does not verify, so
 * it may hang where the guest never checks its deadline (the host's hard backstop ends such a
 * run); any other hang is a failure.
 */
async function run(
  tally: Tally,
  bytes: Uint8Array,
  replies: Uint8Array[],
  describeCase: () => string,
  unverified = false,
): Promise<void> {
  const reply = await guest.send<Report>({ request: bytes, replies });
  const report: Report =
    reply === "hang" ? { outcome: "hang", calls: 0, canary: unverified ? "ok" : "hang" } : reply;
  record(tally, report, unverified, () => {
    return `${describeCase()} ${hexDump(bytes, reply === "hang" ? 4096 : 48)}`;
  });
}

function replies(random: Random, corpus: readonly Uint8Array[]): Uint8Array[] {
  return Array.from({ length: 1 + int(random, 6) }, () => {
    const reply = pick(random, corpus);
    return random() < 0.8 ? mutate(random, reply, corpus).bytes : reply;
  });
}

describe("fuzzing the guest's decoders", () => {
  const seed = fuzzSeed(0x67756573);

  it(
    "random and mutated invocation requests",
    async () => {
      const random = prng(seed);
      const rites = [
        await compile("Adder = ->(a, b) { a + b }"),
        await compile("x = [1, 2].map { |y| y + 1 }\n$fuzz = x"),
      ];
      const corpus = requestCorpus(rites);
      const tally = newTally();
      const randomCases = fuzzCount(1_000);
      const mutatedCases = fuzzCount(7_000);
      for (let i = 0; i < randomCases; i++) {
        const bytes = randomBytes(random, int(random, 64));
        await run(tally, bytes, [], () => `random request ${i}`);
      }
      for (let i = 0; i < mutatedCases; i++) {
        const source = pick(random, corpus);
        const { bytes, how } = mutate(random, source, corpus);
        // A request carrying RITE bytes runs them unverified: like the RITE cases, it may hang.
        const carriesRite = rites.some((rite) => contains(source, rite));
        await run(
          tally,
          bytes,
          replies(random, replyCorpus()),
          () => `request ${i} (${how.join(", ")})`,
          carriesRite,
        );
      }
      console.log(summary("requests", seed, tally));
      expect(tally.failures).toEqual([]);
      expect(tally.cases).toBe(randomCases + mutatedCases);
    },
    120_000 * fuzzScale(),
  );

  it(
    "mutated RITE bytecode snippets",
    async () => {
      const random = prng(seed + 1);
      const rites = [
        await compile("Adder = ->(a, b) { a + b }"),
        await compile("def fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2)\nFIB = fib(10)"),
        await compile("class K; def initialize(x) = @x = x; def x = @x; end\nK.new([1, {a: 2}]).x"),
      ];
      const tally = newTally();
      const cases = fuzzCount(2_000);
      for (let i = 0; i < cases; i++) {
        const rite = pick(random, rites);
        const { bytes, how } = mutate(random, rite, rites);
        const request = encodeInvocation([], [{ name: "fuzzed", code: bytes }], {
          kind: "eval",
          source: "$fuzz",
        });
        await run(tally, request, [], () => `RITE ${i} (${how.join(", ")})`, true);
      }
      console.log(summary("RITE", seed + 1, tally));
      expect(tally.failures).toEqual([]);
    },
    120_000 * fuzzScale(),
  );

  it(
    "mutated service replies",
    async () => {
      const random = prng(seed + 2);
      const corpus = replyCorpus();
      const tally = newTally();
      const cases = fuzzCount(4_000);
      for (let i = 0; i < cases; i++) {
        const source = pick(random, serviceSources);
        const request = encodeInvocation(services, [], { kind: "eval", source });
        const given = Array.from({ length: 1 + int(random, 8) }, () =>
          random() < 0.15
            ? randomBytes(random, int(random, 32))
            : mutate(random, pick(random, corpus), corpus).bytes,
        );
        await run(tally, request, given, () => `replies ${i} to ${JSON.stringify(source)}`);
      }
      console.log(summary("service replies", seed + 2, tally));
      expect(tally.failures).toEqual([]);
    },
    120_000 * fuzzScale(),
  );
});
