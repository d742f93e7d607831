// Fuzzing the host's wire decoders (what a hostile guest controls): random and mutated MessagePack
// must always decode to a value or fail with a WireError, quickly, and never touch a prototype.
import { Decoder, ExtensionCodec, encode as msgpack } from "@msgpack/msgpack";
import { describe, expect, it } from "vitest";
import {
  checkShape,
  decodeResponse,
  decodeServiceRequest,
  decodeWire,
  encodeWire,
  WireError,
} from "../src/wire/index.js";
import {
  fuzzCount,
  fuzzScale,
  fuzzSeed,
  hexDump,
  int,
  mutate,
  prng,
  randomBytes,
} from "./support/fuzz.js";

class Point {
  constructor(readonly x: number) {}
}
const handles = [new Point(1), new Point(2), () => 3];
const resolveHandle = (id: number): unknown => {
  const value = handles[id - 1];
  if (value === undefined) throw new WireError("malformed", `unknown handle id ${id}`);
  return value;
};

const sample = {
  nil: null,
  bool: [true, false],
  ints: [0, 1, -1, 127, 128, -33, 255, 65_536, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1],
  big: [2n ** 60n, -(2n ** 62n)],
  floats: [0.5, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e308],
  strings: ["", "a", "héllo", "x".repeat(40), "y".repeat(300), "\0nul"],
  bin: [0, 3, 32, 256].map((n) => new Uint8Array(n).fill(0xdd)),
  symbols: [Symbol.for("sym"), Symbol.for("s".repeat(16)), Symbol.for("t".repeat(300))],
  dict: { __proto__: 1, constructor: { prototype: 2 }, nested: { deeper: [1, { k: "v" }] } },
  map: new Map<unknown, unknown>([
    [1, "one"],
    [Symbol.for("s"), [2]],
  ]),
  handles: [handles[0], handles[2]],
};

function corpus(): Uint8Array[] {
  const toHandle = (value: object) => (handles as object[]).indexOf(value) + 1;
  const values: unknown[] = [...Object.values(sample), sample, [sample, [sample]]];
  const encoded = values.map((value) => encodeWire(value, { toHandle }));
  const envelopes = values.map((value) => encodeWire([0, value], { toHandle }));
  const errors = [
    { kind: "raise", klass: "RuntimeError", message: "boom", backtrace: ["(eval):1"] },
    { kind: "timeout", klass: "Kobako::TimeoutError", message: "t", backtrace: [] },
    { kind: "memory", klass: "NoMemoryError", message: "m", backtrace: [] },
    { kind: "bytecode", klass: "ScriptError", message: "b", backtrace: [], snippet: "s" },
    { kind: "service", klass: "Kobako::ServiceError", message: "s", backtrace: ["a", "b"] },
  ].flatMap((error) => [msgpack([1, error]), encodeWire([1, error])]);
  const requests = [
    [0, "KV::Get", "call", ["k", 1, sample.dict], { opt: true }, false],
    [0, handles[0], "norm", [], null, true],
    [1, sample.map],
    [2, { klass: "IndexError", message: "x" }],
    [3, null],
  ].map((request) => encodeWire(request, { toHandle }));
  return [...encoded, ...envelopes, ...errors, ...requests];
}

type DecodeFn = (bytes: Uint8Array) => unknown;

const decoders: Record<string, DecodeFn> = {
  decodeWire: (bytes) => decodeWire(bytes, resolveHandle),
  decodeWireWithoutHandles: (bytes) => decodeWire(bytes),
  decodeResponse: (bytes) => {
    const outcome = decodeResponse(bytes, resolveHandle);
    if (!outcome.ok) expect(typeof outcome.failure.message).toBe("string");
    return outcome;
  },
  decodeServiceRequest: (bytes) => decodeServiceRequest(bytes, resolveHandle),
};

interface Tally {
  values: number;
  wireErrors: number;
  slowest: number;
  /** Inputs the reference decoder below accepts. */
  wellFormed: number;
}

/**
 * A reference for checkShape: @msgpack/msgpack's own decoder, with our hash extensions required
 * to hold exactly one well-formed value. Whatever it accepts, checkShape must not call malformed.
 */
const referenceCodec = new ExtensionCodec();
const reference = new Decoder({ extensionCodec: referenceCodec });
for (const type of [3, 4]) {
  referenceCodec.register({
    type,
    encode: () => null,
    decode: (data: Uint8Array) => reference.decode(data),
  });
}

function wellFormed(bytes: Uint8Array): boolean {
  try {
    reference.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Runs every decoder on `bytes`: each returns or throws a WireError, and nothing else. */
function check(bytes: Uint8Array, tally: Tally, describeCase: () => string): void {
  if (wellFormed(bytes)) {
    tally.wellFormed++;
    try {
      checkShape(bytes);
    } catch (error) {
      if ((error as WireError).reason === "malformed") {
        throw new Error(
          `checkShape refused well-formed MessagePack (${describeCase()}): ${String(error)}: ${hexDump(bytes)}`,
        );
      }
    }
  }
  for (const [name, decode] of Object.entries(decoders)) {
    const started = performance.now();
    try {
      decode(bytes);
      tally.values++;
    } catch (error) {
      if (!(error instanceof WireError)) {
        throw new Error(
          `${name} threw ${String(error)} (not a WireError) on ${describeCase()}: ${hexDump(bytes)}`,
        );
      }
      tally.wireErrors++;
    }
    tally.slowest = Math.max(tally.slowest, performance.now() - started);
  }
}

const pristine = Object.getOwnPropertyNames(Object.prototype).sort().join();

describe("fuzzing the host's decoders", () => {
  const seed = fuzzSeed(0x6b6f6261);

  it(
    "random bytes and mutated envelopes, requests and values",
    () => {
      const random = prng(seed);
      const seeds = corpus();
      const tally: Tally = { values: 0, wireErrors: 0, slowest: 0, wellFormed: 0 };
      for (const [i, bytes] of seeds.entries()) {
        expect(
          () => decodeWire(bytes, resolveHandle),
          `seed ${i}: ${hexDump(bytes)}`,
        ).not.toThrow();
      }
      const randomCases = fuzzCount(4_000);
      const mutatedCases = fuzzCount(20_000);
      for (let i = 0; i < randomCases; i++) {
        const bytes = randomBytes(
          random,
          int(random, 4) === 0 ? int(random, 2_000) : int(random, 48),
        );
        check(bytes, tally, () => `random case ${i}`);
      }
      const used = new Map<string, number>();
      for (let i = 0; i < mutatedCases; i++) {
        const source = seeds[int(random, seeds.length)] as Uint8Array;
        const { bytes, how } = mutate(random, source, seeds);
        for (const name of how) used.set(name, (used.get(name) ?? 0) + 1);
        check(bytes, tally, () => `mutated case ${i} (${how.join(", ")})`);
      }
      console.log(
        `host decoder fuzz: seed ${seed}, ${randomCases} random + ${mutatedCases} mutated inputs × ${
          Object.keys(decoders).length
        } decoders: ${tally.values} values, ${tally.wireErrors} WireErrors (${tally.wellFormed} inputs well-formed MessagePack), slowest ${tally.slowest.toFixed(1)} ms`,
      );
      expect(tally.values + tally.wireErrors).toBe(
        (randomCases + mutatedCases) * Object.keys(decoders).length,
      );
      expect(tally.values).toBeGreaterThan(0);
      expect(tally.slowest).toBeLessThan(1_000);
      expect(used.size).toBeGreaterThan(8);
      expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(pristine);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    60_000 * fuzzScale(),
  );

  it(
    "deep and wide inputs end with a WireError or a value, never a stack overflow",
    () => {
      const tally: Tally = { values: 0, wireErrors: 0, slowest: 0, wellFormed: 0 };
      const deepArray = new Uint8Array(1 << 20).fill(0x91);
      const deepDict = new Uint8Array(4_000);
      for (let i = 0; i < deepDict.length; i += 4) deepDict.set([0xc7, 0xff, 0x03, 0x92], i);
      const hugeCount = Uint8Array.of(0xdd, 0xff, 0xff, 0xff, 0xff, 0xc0);
      const hugeString = Uint8Array.of(0xdb, 0xff, 0xff, 0xff, 0xff, 0x61);
      const hugeExt = Uint8Array.of(0xc9, 0xff, 0xff, 0xff, 0xff, 0x03);
      for (const bytes of [deepArray, deepDict, hugeCount, hugeString, hugeExt]) {
        check(bytes, tally, () => "a deep or wide input");
      }
      expect(tally.slowest).toBeLessThan(2_000);
    },
    30_000 * fuzzScale(),
  );
});
