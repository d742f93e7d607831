import { type Patch, sameBytes } from "./snapshot.js";

/**
 * What is known of one preload set (the exact bytes of a request's services and snippets): its
 * baked state, or that it must be replayed (it printed, called a service, raised, drew random
 * numbers, read the clock into its state, or ran out of its bake budget).
 */
export type Baked = { readonly patch: Patch } | { readonly replay: true };

interface Entry {
  readonly key: string;
  readonly prelude: Uint8Array;
  readonly baked: Baked;
  readonly bytes: number;
}

/** What an entry is counted as beyond its bytes (the map entry, the objects, the arrays). */
const OVERHEAD = 256;

/** FNV-1a over the bytes: a bucket, never trusted alone (entries compare the exact bytes). */
export function hashBytes(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
  }
  return hash >>> 0;
}

/** The map key of a prelude: its hash and length. */
function keyOf(prelude: Uint8Array): string {
  return `${hashBytes(prelude)}:${prelude.byteLength}`;
}

/**
 * The baked states of one worker, keyed by the exact prelude bytes (hashed to find the bucket,
 * then compared byte for byte, so two sandboxes share a state only when their services and
 * snippets are identical). Least recently used entries go first once the entries hold more than
 * `limit` bytes; an entry larger than a quarter of the limit is not kept at all (that preload set
 * is replayed).
 *
 * A prelude the worker keeps for the host (protocol.ts, `InvokeMessage`) comes back as the same
 * object with every call: the entry found for that object is remembered, so such calls neither
 * hash nor compare the bytes (the worker never writes into a prelude it keeps).
 */
export class BakeCache {
  /** Insertion order is recency order: a hit moves the entry to the end. */
  private readonly entries = new Map<string, Entry>();
  /** The entry last found for a prelude object, valid while that entry is in the map. */
  private readonly found = new WeakMap<Uint8Array, Entry>();
  private held = 0;

  constructor(readonly limit: number) {}

  /** Bytes the entries hold (patches, prelude copies and a fixed overhead each). */
  get bytes(): number {
    return this.held;
  }

  get size(): number {
    return this.entries.size;
  }

  get(prelude: Uint8Array): Baked | undefined {
    let entry = this.found.get(prelude);
    if (!entry || this.entries.get(entry.key) !== entry) {
      entry = this.entries.get(keyOf(prelude));
      if (!entry || !sameBytes(entry.prelude, prelude)) return undefined;
      this.found.set(prelude, entry);
    }
    this.entries.delete(entry.key);
    this.entries.set(entry.key, entry);
    return entry.baked;
  }

  /** Remembers `baked` for `prelude` (copied); false when it is too large to keep. */
  set(prelude: Uint8Array, baked: Baked): boolean {
    const bytes =
      OVERHEAD +
      prelude.byteLength +
      ("patch" in baked ? baked.patch.data.byteLength + baked.patch.ranges.byteLength : 0);
    if (bytes > this.limit / 4) return false;
    // One entry per bucket: a preload set whose hash collides replaces the other one.
    const key = keyOf(prelude);
    const present = this.entries.get(key);
    if (present) this.remove(key, present);
    while (this.held + bytes > this.limit) {
      const oldest = this.entries.entries().next().value;
      if (!oldest) break;
      this.remove(oldest[0], oldest[1]);
    }
    const entry: Entry = { key, prelude: prelude.slice(), baked, bytes };
    this.entries.set(key, entry);
    this.found.set(prelude, entry);
    this.held += bytes;
    return true;
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.held -= entry.bytes;
  }
}
