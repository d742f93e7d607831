/**
 * Cell references: `A1` names column A, row 1; `B1:C3` the rectangle between two corners,
 * row by row. Pure functions, shared by the sheet model and the services the formulas call.
 */

export const COLUMNS = ["A", "B", "C", "D", "E"] as const;
export const ROWS = 8;

const REF = /^([A-Z])([1-9]\d*)$/;

export interface CellPosition {
  column: number;
  row: number;
}

/** `"B3"` → `{ column: 1, row: 3 }`; undefined for anything that is not a cell of this sheet. */
export function parseRef(ref: string): CellPosition | undefined {
  const match = REF.exec(ref);
  if (!match) return undefined;
  const column = COLUMNS.indexOf(match[1] as (typeof COLUMNS)[number]);
  const row = Number(match[2]);
  if (column < 0 || row > ROWS) return undefined;
  return { column, row };
}

export function refName({ column, row }: CellPosition): string {
  return `${COLUMNS[column]}${row}`;
}

/** Every cell of the sheet, row by row: `A1, B1, …, E8`. */
export function allRefs(): string[] {
  const refs: string[] = [];
  for (let row = 1; row <= ROWS; row++) {
    for (let column = 0; column < COLUMNS.length; column++) refs.push(refName({ column, row }));
  }
  return refs;
}

/** `"B1:B3"` → `["B1", "B2", "B3"]`; throws a RangeError naming the bad reference. */
export function expandRange(range: string): string[] {
  const [from, to, extra] = range.split(":");
  const start = from === undefined ? undefined : parseRef(from);
  const end = to === undefined ? start : parseRef(to);
  if (!start || !end || extra !== undefined) {
    throw new RangeError(`not a range of this sheet: ${JSON.stringify(range)}`);
  }
  const refs: string[] = [];
  for (let row = Math.min(start.row, end.row); row <= Math.max(start.row, end.row); row++) {
    const [c0, c1] = [Math.min(start.column, end.column), Math.max(start.column, end.column)];
    for (let column = c0; column <= c1; column++) refs.push(refName({ column, row }));
  }
  return refs;
}

/**
 * The cells a formula names literally (`cell("A1")`, `range("B1:B5")`): enough to order the
 * first evaluation. What a formula really read is recorded when it runs (see model.ts).
 */
export function literalRefs(formula: string): Set<string> {
  const refs = new Set<string>();
  for (const [, fn, arg] of formula.matchAll(/\b(cell|range)\s*\(?\s*["']([A-Z0-9:]+)["']/g)) {
    if (!arg) continue;
    try {
      for (const ref of fn === "cell" ? [arg] : expandRange(arg)) {
        if (parseRef(ref)) refs.add(ref);
      }
    } catch {
      // not a valid range: the formula will fail with the error when it runs
    }
  }
  return refs;
}
