/**
 * Seeded generation and mutation of MessagePack for the fuzz tests. The seed comes from
 * `KOBAKO_FUZZ_SEED` (a number; `random` for a fresh one) and defaults to a fixed value, so `pnpm
 * test` runs the same cases every time and a failure reproduces from the seed it prints; case
 * counts scale with `KOBAKO_FUZZ_SCALE` (default 1).
 */

export type Random = () => number;

/** mulberry32: small, fast, and good enough to pick mutations. */
export function prng(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export function fuzzSeed(fallback: number): number {
  const configured = process.env.KOBAKO_FUZZ_SEED;
  if (configured === "random") return Math.floor(Math.random() * 2 ** 32);
  if (configured !== undefined && configured !== "") return Number(configured) >>> 0;
  return fallback;
}

/** The factor of `KOBAKO_FUZZ_SCALE` (default 1). */
export function fuzzScale(): number {
  const scale = Number(process.env.KOBAKO_FUZZ_SCALE ?? 1);
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}

/** `count` times the scale factor. */
export function fuzzCount(count: number): number {
  return Math.max(1, Math.round(count * fuzzScale()));
}

export function int(random: Random, below: number): number {
  return Math.floor(random() * below);
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[int(random, items.length)] as T;
}

export function randomBytes(random: Random, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = int(random, 256);
  return bytes;
}

/** Bytes that start MessagePack values carrying a length (str, bin, array, map, ext). */
const LENGTH_HEADS = new Set([
  0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf,
]);
/** Fixext and ext heads: the type byte follows the length (if any). */
const EXT_HEADS: Record<number, number> = {
  212: 1,
  213: 1,
  214: 1,
  215: 1,
  216: 1,
  199: 2,
  200: 3,
  201: 5,
};
const INTERESTING_BYTES = [
  0x00, 0x01, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc7, 0xc9,
  0xca, 0xcb, 0xcf, 0xd3, 0xd4, 0xd6, 0xd8, 0xd9, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0xe0, 0xff,
];
const INTERESTING_LENGTHS = [0, 1, 2, 0x7f, 0xff, 0x100, 0xffff, 0x10000, 0x7fffffff, 0xffffffff];

function positions(bytes: Uint8Array, accept: (byte: number) => boolean): number[] {
  const found: number[] = [];
  for (let i = 0; i < bytes.length; i++) if (accept(bytes[i] as number)) found.push(i);
  return found;
}

function writeLength(bytes: Uint8Array, at: number, head: number, value: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = [0xc4, 0xc7, 0xd9].includes(head)
    ? 1
    : [0xc5, 0xc8, 0xda, 0xdc, 0xde].includes(head)
      ? 2
      : 4;
  if (at + 1 + width > bytes.length) return;
  if (width === 1) view.setUint8(at + 1, value & 0xff);
  else if (width === 2) view.setUint16(at + 1, value & 0xffff);
  else view.setUint32(at + 1, value >>> 0);
}

/** The mutations, named so a failure says which one made the input. */
export const MUTATIONS = {
  flipBits(random: Random, input: Uint8Array): Uint8Array {
    const bytes = input.slice();
    const flips = 1 + int(random, 4);
    for (let i = 0; i < flips && bytes.length > 0; i++) {
      const at = int(random, bytes.length);
      bytes[at] = (bytes[at] as number) ^ (1 << int(random, 8));
    }
    return bytes;
  },
  interestingByte(random: Random, input: Uint8Array): Uint8Array {
    const bytes = input.slice();
    if (bytes.length > 0) bytes[int(random, bytes.length)] = pick(random, INTERESTING_BYTES);
    return bytes;
  },
  truncate(random: Random, input: Uint8Array): Uint8Array {
    return input.slice(0, int(random, input.length));
  },
  append(random: Random, input: Uint8Array): Uint8Array {
    const tail = randomBytes(random, 1 + int(random, 16));
    const bytes = new Uint8Array(input.length + tail.length);
    bytes.set(input);
    bytes.set(tail, input.length);
    return bytes;
  },
  insert(random: Random, input: Uint8Array): Uint8Array {
    const at = int(random, input.length + 1);
    const extra = randomBytes(random, 1 + int(random, 8));
    const bytes = new Uint8Array(input.length + extra.length);
    bytes.set(input.subarray(0, at));
    bytes.set(extra, at);
    bytes.set(input.subarray(at), at + extra.length);
    return bytes;
  },
  remove(random: Random, input: Uint8Array): Uint8Array {
    if (input.length < 2) return input.slice();
    const at = int(random, input.length);
    const length = 1 + int(random, Math.min(8, input.length - at));
    const bytes = new Uint8Array(input.length - length);
    bytes.set(input.subarray(0, at));
    bytes.set(input.subarray(at + length), at);
    return bytes;
  },
  duplicate(random: Random, input: Uint8Array): Uint8Array {
    if (input.length === 0) return input.slice();
    const from = int(random, input.length);
    const slice = input.subarray(from, from + 1 + int(random, 32));
    const at = int(random, input.length + 1);
    const bytes = new Uint8Array(input.length + slice.length);
    bytes.set(input.subarray(0, at));
    bytes.set(slice, at);
    bytes.set(input.subarray(at), at + slice.length);
    return bytes;
  },
  lengthField(random: Random, input: Uint8Array): Uint8Array {
    const bytes = input.slice();
    const heads = positions(bytes, (byte) => LENGTH_HEADS.has(byte));
    if (heads.length === 0) return MUTATIONS.interestingByte(random, input);
    const at = pick(random, heads);
    writeLength(bytes, at, bytes[at] as number, pick(random, INTERESTING_LENGTHS));
    return bytes;
  },
  fixLength(random: Random, input: Uint8Array): Uint8Array {
    // fixarray/fixmap/fixstr counts off by a little.
    const bytes = input.slice();
    const heads = positions(bytes, (byte) => byte >= 0x80 && byte <= 0xbf);
    if (heads.length === 0) return MUTATIONS.flipBits(random, input);
    const at = pick(random, heads);
    const head = bytes[at] as number;
    const base = head >= 0xa0 ? 0xa0 : head >= 0x90 ? 0x90 : 0x80;
    const limit = base === 0xa0 ? 31 : 15;
    bytes[at] = base + Math.max(0, Math.min(limit, head - base + pick(random, [-2, -1, 1, 2, 9])));
    return bytes;
  },
  extType(random: Random, input: Uint8Array): Uint8Array {
    const bytes = input.slice();
    const heads = positions(bytes, (byte) => byte in EXT_HEADS);
    if (heads.length === 0) return MUTATIONS.interestingByte(random, input);
    const at = pick(random, heads);
    const typeAt = at + (EXT_HEADS[bytes[at] as number] as number);
    if (typeAt < bytes.length)
      bytes[typeAt] = pick(random, [0, 1, 2, 3, 4, 5, 6, 0x7f, 0x80, 0xff]);
    return bytes;
  },
  nest(random: Random, input: Uint8Array): Uint8Array {
    // Wraps the value in many one-element arrays or one-pair Dicts.
    const depth = pick(random, [100, 127, 128, 129, 200, 1_000, 50_000]);
    if (random() < 0.5) {
      const bytes = new Uint8Array(depth + input.length);
      bytes.fill(0x91, 0, depth);
      bytes.set(input, depth);
      return bytes;
    }
    let inner = input;
    for (let i = 0; i < Math.min(depth, 300); i++) {
      const body = new Uint8Array(3 + inner.length);
      body.set([0x92, 0xa1, 0x6b]);
      body.set(inner, 3);
      const head =
        body.length < 0x100
          ? [0xc7, body.length, 3]
          : [0xc8, body.length >> 8, body.length & 0xff, 3];
      const next = new Uint8Array(head.length + body.length);
      next.set(head);
      next.set(body, head.length);
      inner = next;
    }
    return inner;
  },
  splice(random: Random, input: Uint8Array, other?: Uint8Array): Uint8Array {
    if (!other || other.length === 0) return MUTATIONS.duplicate(random, input);
    const at = int(random, input.length + 1);
    const from = int(random, other.length);
    const piece = other.subarray(from, from + 1 + int(random, 64));
    const bytes = new Uint8Array(at + piece.length);
    bytes.set(input.subarray(0, at));
    bytes.set(piece, at);
    return bytes;
  },
} satisfies Record<string, (random: Random, input: Uint8Array, other?: Uint8Array) => Uint8Array>;

export type MutationName = keyof typeof MUTATIONS;
const NAMES = Object.keys(MUTATIONS) as MutationName[];

/** One to three mutations of `input`, with their names. */
export function mutate(
  random: Random,
  input: Uint8Array,
  corpus: readonly Uint8Array[],
): { bytes: Uint8Array; how: MutationName[] } {
  let bytes = input;
  const how: MutationName[] = [];
  const rounds = 1 + int(random, 3);
  for (let i = 0; i < rounds; i++) {
    const name = pick(random, NAMES);
    how.push(name);
    bytes = MUTATIONS[name](random, bytes, pick(random, corpus));
  }
  return { bytes, how };
}

/** A hex dump of at most `limit` bytes, for failure messages. */
export function hexDump(bytes: Uint8Array, limit = 96): string {
  const shown = [...bytes.subarray(0, limit)].map((byte) => byte.toString(16).padStart(2, "0"));
  return `${shown.join(" ")}${bytes.length > limit ? ` … (${bytes.length} bytes)` : ""}`;
}
