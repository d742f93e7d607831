/**
 * Images of linear memory kept as what differs from the boot snapshot: a baked state
 * (worker/baker.ts) is the boot image plus a {@link Patch}, so a thousand baked states cost a few
 * KiB each rather than the whole memory each.
 */

/** The boot snapshot of an instance: linear memory, and where its live part starts. */
export interface BootImage {
  readonly bytes: Uint8Array;
  /** Memory below the boot stack pointer is dead stack: never compared, zero at every restore. */
  readonly live: number;
}

/** Where and how a memory differs from a boot image. */
export interface Patch {
  /** `[start, end)` pairs, ascending, of the differing ranges. */
  readonly ranges: Uint32Array;
  /** The bytes of the ranges, one after the other. */
  readonly data: Uint8Array;
  /** The memory size the patch needs (memory grown past the boot image included). */
  readonly size: number;
}

/**
 * Differences closer than this are kept as one range: copying up to this many equal bytes at
 * every restore costs less than the `set` call of one more range (~70 ns each; 190 ranges of a
 * 64-snippet state took 15 µs to apply, merged into 110 ranges 9 µs, for 14 % more bytes).
 */
const GAP = 256;

/** The byte at `at` of the boot image, memory grown past it reading zero. */
function bootByte(boot: Uint8Array, at: number): number {
  return at < boot.byteLength ? (boot[at] as number) : 0;
}

/**
 * The ranges of `memory` (from the image's live start on) that differ from `boot`. Compares four
 * bytes at a time where both sides have them; both buffers start 4-aligned.
 */
export function diffRanges(boot: BootImage, memory: Uint8Array): number[] {
  const ranges: number[] = [];
  const image = boot.bytes;
  const common = Math.min(image.byteLength, memory.byteLength) & ~3;
  const a = new Int32Array(image.buffer, image.byteOffset, common >> 2);
  const b = new Int32Array(memory.buffer, memory.byteOffset, common >> 2);
  let start = -1;
  let last = -1;
  const mark = (at: number) => {
    if (start >= 0 && at - last <= GAP) {
      last = at;
      return;
    }
    if (start >= 0) ranges.push(start, last + 1);
    start = at;
    last = at;
  };
  for (let word = boot.live >> 2; word < a.length; word++) {
    if (a[word] === b[word]) continue;
    for (let at = word << 2; at < (word << 2) + 4; at++) {
      if (image[at] !== memory[at]) mark(at);
    }
  }
  for (let at = Math.max(common, boot.live); at < memory.byteLength; at++) {
    if (memory[at] !== bootByte(image, at)) mark(at);
  }
  if (start >= 0) ranges.push(start, last + 1);
  return ranges;
}

/** The patch that turns `boot` into `memory`. */
export function makePatch(boot: BootImage, memory: Uint8Array): Patch {
  const ranges = Uint32Array.from(diffRanges(boot, memory));
  let length = 0;
  for (let i = 0; i < ranges.length; i += 2)
    length += (ranges[i + 1] as number) - (ranges[i] as number);
  const data = new Uint8Array(length);
  let at = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    const chunk = memory.subarray(ranges[i] as number, ranges[i + 1] as number);
    data.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ranges, data, size: memory.byteLength };
}

/** Whether two patches are the same bytes at the same places. */
export function samePatch(a: Patch, b: Patch): boolean {
  return a.size === b.size && sameBytes(a.data, b.data) && sameBytes(a.ranges, b.ranges);
}

/** `a` and then `b`, in one new array. */
export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a);
  out.set(b, a.byteLength);
  return out;
}

/** Byte-wise equality of two views. */
export function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * Writes a patch over memory that holds the boot image (memory grown past it zero), growing the
 * memory first when the patch needs more.
 */
export function applyPatch(memory: WebAssembly.Memory, patch: Patch): void {
  const missing = patch.size - memory.buffer.byteLength;
  if (missing > 0) memory.grow(Math.ceil(missing / 65536));
  const view = new Uint8Array(memory.buffer);
  const { ranges, data } = patch;
  let at = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    const start = ranges[i] as number;
    const length = (ranges[i + 1] as number) - start;
    view.set(data.subarray(at, at + length), start);
    at += length;
  }
}

/** Puts the bytes at `offsets` back to their boot values (bytes that every invocation resets). */
export function resetBytes(boot: BootImage, memory: Uint8Array, offsets: readonly number[]): void {
  for (const at of offsets) if (at < memory.byteLength) memory[at] = bootByte(boot.bytes, at);
}

/** Offsets (from the live start on) where two memories differ; compares four bytes at a time. */
export function differingBytes(boot: BootImage, a: Uint8Array, b: Uint8Array): number[] {
  const out: number[] = [];
  const common = Math.min(a.byteLength, b.byteLength) & ~3;
  const x = new Int32Array(a.buffer, a.byteOffset, common >> 2);
  const y = new Int32Array(b.buffer, b.byteOffset, common >> 2);
  for (let word = boot.live >> 2; word < x.length; word++) {
    if (x[word] === y[word]) continue;
    for (let at = word << 2; at < (word << 2) + 4; at++) if (a[at] !== b[at]) out.push(at);
  }
  const end = Math.max(a.byteLength, b.byteLength);
  for (let at = Math.max(common, boot.live); at < end; at++) {
    if ((at < a.byteLength ? a[at] : 0) !== (at < b.byteLength ? b[at] : 0)) out.push(at);
  }
  return out;
}
