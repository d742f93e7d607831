/**
 * Users' formulas, run by kobako. `cell("A1")` and `range("B1:B5")` are Ruby methods defined by a
 * preloaded snippet on top of a bound `Sheet` service, so a formula is plain Ruby and reaches
 * nothing but the cells. A runaway formula ends at the timeout; the page never waits on it.
 * (The sheet page shows this file's code below its header, as the pattern to copy: keep its
 * lines short.)
 */
import { Sandbox } from "@kobako/browser";
import type { Evaluate, Read } from "./model.js";
import { expandRange } from "./refs.js";

const PRELUDE = `
def cell(ref) = Sheet::Cell.call(ref)
def range(ref) = Sheet::Range.call(ref)
`;

export async function createEvaluator(timeout = 1_000): Promise<Evaluate> {
  let read: Read = () => null;
  const sandbox = new Sandbox({ timeout });
  sandbox
    .define("Sheet")
    .bind("Cell", (ref: string) => read(ref))
    .bind("Range", (ref: string) => expandRange(ref).map(read));
  await sandbox.preload({ name: "sheet", code: PRELUDE });
  // A worker started, booted and warmed up, and the Sheet
  // service and snippet baked, before the first formula,
  // which then has all of its timeout to itself.
  await sandbox.prepare();

  // The model evaluates one formula at a time (and a sandbox
  // runs one invocation at a time), so `read` belongs to the
  // formula running now; it also records what the formula read.
  return (formula, reader) => {
    read = reader;
    return sandbox.eval(formula);
  };
}
