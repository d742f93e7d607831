import { HandleExhaustedError } from "../errors.js";

/** The largest handle id (ids are positive int32 values, as the gem's). */
export const MAX_HANDLE_ID = 2 ** 31 - 1;

/**
 * The host objects a guest may refer to during one invocation, by id. Ids start at 1 (or at
 * `firstId`, which tests use to reach the limit without creating 2^31 objects) and are never
 * reused within the invocation; the same object always gets the same id. A table lives exactly as
 * long as its invocation, so nothing needs disposing.
 */
export class HandleTable {
  readonly #objects = new Map<number, object>();
  readonly #ids = new Map<object, number>();
  #next: number;

  constructor(firstId = 1) {
    if (!Number.isSafeInteger(firstId) || firstId < 1) {
      throw new RangeError(`the first handle id must be a positive integer, got ${firstId}`);
    }
    this.#next = firstId;
  }

  /** How many objects the table holds. */
  get size(): number {
    return this.#objects.size;
  }

  /** The id of `value`, registering it first if needed. Throws `HandleExhaustedError` when full. */
  add(value: object): number {
    const known = this.#ids.get(value);
    if (known !== undefined) return known;
    const id = this.#next;
    if (id > MAX_HANDLE_ID) {
      throw new HandleExhaustedError(
        `the invocation created more than ${MAX_HANDLE_ID} handles (2^31 − 1)`,
        { origin: "host", details: { kind: "handles", limit: MAX_HANDLE_ID } },
      );
    }
    this.#next = id + 1;
    this.#objects.set(id, value);
    this.#ids.set(value, id);
    return id;
  }

  /** Whether `id` was handed out by this table. */
  has(id: number): boolean {
    return this.#objects.has(id);
  }

  /** The object behind `id`; throws `RangeError` for an id this table never handed out. */
  get(id: number): object {
    const value = this.#objects.get(id);
    if (value === undefined) throw new RangeError(`unknown handle id ${id}`);
    return value;
  }
}
