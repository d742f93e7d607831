/**
 * The sheet's data: each cell holds what the user typed (`raw`) and what it is worth (`value`, or
 * `error`). A raw text starting with `=` is a formula; evaluating it is someone else's job (the
 * `evaluate` function: here, kobako), which gets a `read` callback for the cells it looks at.
 *
 * Dependencies come from the cells a formula actually read the last time it ran, plus those it
 * names literally (so a new formula is ordered right on its first run). Edits are queued, so a
 * slow formula delays the recomputation but never interleaves with another one.
 */
import { type Dependencies, recalcOrder } from "./graph.js";
import { expandRange, literalRefs, parseRef } from "./refs.js";

export type Read = (ref: string) => unknown;
export type Evaluate = (formula: string, read: Read) => Promise<unknown>;

export interface CellState {
  raw: string;
  value: unknown;
  /** Why the cell has no value: what the formula threw, or a circular reference. */
  error?: unknown;
  /** Queued for recomputation. */
  pending: boolean;
}

export class CircularReference extends Error {
  override name = "CircularReference";
}

export class SheetModel {
  readonly #cells = new Map<string, CellState>();
  readonly #deps = new Map<string, ReadonlySet<string>>();
  #queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly evaluate: Evaluate,
    private readonly onUpdate: (ref: string, cell: CellState) => void = () => {},
  ) {}

  get(ref: string): CellState {
    return this.#cells.get(ref) ?? { raw: "", value: null, pending: false };
  }

  get dependencies(): Dependencies {
    return this.#deps;
  }

  /**
   * Sets several cells at once (e.g. a whole sheet) and recomputes what they affect; resolves,
   * once that is done, to the formula cells it evaluated, in order.
   */
  setMany(entries: Iterable<[string, string]>): Promise<string[]> {
    const changed: string[] = [];
    for (const [ref, raw] of entries) {
      if (!parseRef(ref)) throw new RangeError(`no cell ${ref}`);
      const formula = formulaOf(raw);
      const cell: CellState = {
        raw,
        value: formula === undefined ? literal(raw) : null,
        pending: false,
      };
      this.#cells.set(ref, cell);
      if (formula === undefined) this.#deps.delete(ref);
      else this.#deps.set(ref, literalRefs(formula));
      changed.push(ref);
      this.onUpdate(ref, cell);
    }
    const { order, cyclic } = recalcOrder(this.#deps, changed);
    for (const ref of cyclic) {
      this.#update(ref, { value: null, error: new CircularReference(`${ref} depends on itself`) });
    }
    for (const ref of order) this.#update(ref, { pending: true });
    const done = this.#queue.then(() => this.#recompute(order)).then(() => order);
    this.#queue = done.then(
      () => {},
      () => {}, // a failed update callback must not stop later recomputations
    );
    return done;
  }

  set(ref: string, raw: string): Promise<string[]> {
    return this.setMany([[ref, raw]]);
  }

  async #recompute(order: readonly string[]): Promise<void> {
    for (const ref of order) {
      const formula = formulaOf(this.get(ref).raw);
      if (formula === undefined) continue; // turned into a plain value since it was queued
      const reads = new Set<string>();
      const read: Read = (target) => {
        if (!parseRef(target)) throw new RangeError(`no cell ${JSON.stringify(target)}`);
        reads.add(target);
        const cell = this.get(target);
        if (cell.error !== undefined)
          throw new Error(`${target} has an error (${errorName(cell.error)})`);
        return cell.value;
      };
      try {
        this.#update(ref, { value: await this.evaluate(formula, read), error: undefined });
      } catch (error) {
        this.#update(ref, { value: null, error });
      }
      this.#deps.set(ref, new Set([...literalRefs(formula), ...reads]));
    }
  }

  #update(ref: string, change: Partial<CellState>): void {
    const cell: CellState = { ...this.get(ref), pending: false, ...change };
    this.#cells.set(ref, cell);
    this.onUpdate(ref, cell);
  }
}

/** `ZeroDivisionError` for a Ruby error that came through kobako (its `klass`), else the JS name. */
function errorName(error: unknown): string {
  const { klass, name } = (error ?? {}) as { klass?: unknown; name?: unknown };
  const found = typeof klass === "string" && klass ? klass : name;
  return typeof found === "string" && found ? found : "Error";
}

/** The Ruby of a formula cell (`=cell("A1") * 2` → `cell("A1") * 2`), undefined for a value. */
export function formulaOf(raw: string): string | undefined {
  return raw.startsWith("=") ? raw.slice(1) : undefined;
}

/** A typed value: empty is nil, a number is a number, anything else is text. */
export function literal(raw: string): number | string | null {
  const text = raw.trim();
  if (text === "") return null;
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(text)) return Number(text);
  return raw;
}

/** `range("B1:B3")` for the host side of a formula: the values of the cells, row by row. */
export function readRange(read: Read, range: string): unknown[] {
  return expandRange(range).map(read);
}
