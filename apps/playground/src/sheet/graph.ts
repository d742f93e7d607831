/**
 * Which formulas to recompute after some cells changed, and in what order: every cell that
 * depends on a changed one, directly or through others, after the cells it depends on. A cell on
 * a cycle cannot be ordered; it is reported instead.
 */

/** For each formula cell, the cells it reads. */
export type Dependencies = ReadonlyMap<string, ReadonlySet<string>>;

export interface Recalc {
  /** Cells to evaluate, each after every cell it depends on. */
  order: string[];
  /** Cells on (or downstream of) a circular reference: not evaluated. */
  cyclic: Set<string>;
}

export function dependents(deps: Dependencies): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [cell, reads] of deps) {
    for (const ref of reads) {
      const set = out.get(ref) ?? new Set<string>();
      set.add(cell);
      out.set(ref, set);
    }
  }
  return out;
}

/** The formula cells to recompute when `changed` changed (including those that are formulas). */
export function recalcOrder(deps: Dependencies, changed: Iterable<string>): Recalc {
  const readers = dependents(deps);
  // Everything downstream of the change.
  const affected = new Set<string>();
  const stack = [...changed];
  for (const cell of stack) if (deps.has(cell)) affected.add(cell);
  while (stack.length) {
    const cell = stack.pop() as string;
    for (const reader of readers.get(cell) ?? []) {
      if (!affected.has(reader)) {
        affected.add(reader);
        stack.push(reader);
      }
    }
  }
  // Depth-first topological sort restricted to the affected cells.
  const order: string[] = [];
  const cyclic = new Set<string>();
  const state = new Map<string, "visiting" | "done">();
  const visit = (cell: string, path: string[]): void => {
    const seen = state.get(cell);
    if (seen === "done") return;
    if (seen === "visiting") {
      for (const c of path.slice(path.indexOf(cell))) cyclic.add(c);
      return;
    }
    state.set(cell, "visiting");
    for (const ref of deps.get(cell) ?? []) {
      if (affected.has(ref)) visit(ref, [...path, cell]);
    }
    state.set(cell, "done");
    order.push(cell);
  };
  for (const cell of affected) visit(cell, []);
  // Whatever reads a cyclic cell cannot get a value either.
  for (const cell of order) {
    if ([...(deps.get(cell) ?? [])].some((ref) => cyclic.has(ref))) cyclic.add(cell);
  }
  return { order: order.filter((cell) => !cyclic.has(cell)), cyclic };
}
