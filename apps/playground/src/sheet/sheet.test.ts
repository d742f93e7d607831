import { describe, expect, it } from "vitest";
import { recalcOrder } from "./graph.js";
import { CircularReference, type Evaluate, literal, SheetModel } from "./model.js";
import { expandRange, literalRefs, parseRef } from "./refs.js";

describe("refs", () => {
  it("parses cells of the sheet and nothing else", () => {
    expect(parseRef("A1")).toEqual({ column: 0, row: 1 });
    expect(parseRef("E8")).toEqual({ column: 4, row: 8 });
    for (const bad of ["A0", "F1", "A9", "a1", "A01", "AA1", "", "A1:A2"]) {
      expect(parseRef(bad), bad).toBeUndefined();
    }
  });

  it("expands ranges row by row, corners in any order", () => {
    expect(expandRange("B1:B3")).toEqual(["B1", "B2", "B3"]);
    expect(expandRange("B2:A1")).toEqual(["A1", "B1", "A2", "B2"]);
    expect(expandRange("C4")).toEqual(["C4"]);
    expect(() => expandRange("B1:Z9")).toThrow(RangeError);
    expect(() => expandRange("B1:B2:B3")).toThrow(RangeError);
  });

  it("finds the refs a formula names literally", () => {
    expect([...literalRefs("cell(\"A1\") * 1.2 + cell('B2')")]).toEqual(["A1", "B2"]);
    expect([...literalRefs('range("B1:B3").sum')]).toEqual(["B1", "B2", "B3"]);
    expect([...literalRefs('cell("Z99") + range("nope")')]).toEqual([]);
  });
});

describe("recalcOrder", () => {
  const deps = new Map([
    ["B1", new Set(["A1"])],
    ["C1", new Set(["B1", "A1"])],
    ["D1", new Set(["C1"])],
    ["E1", new Set(["A2"])],
  ]);

  it("recomputes every cell downstream of a change, dependencies first", () => {
    expect(recalcOrder(deps, ["A1"]).order).toEqual(["B1", "C1", "D1"]);
    expect(recalcOrder(deps, ["C1"]).order).toEqual(["C1", "D1"]);
    expect(recalcOrder(deps, ["A2"]).order).toEqual(["E1"]);
    expect(recalcOrder(deps, ["A3"]).order).toEqual([]);
  });

  it("reports cycles and what reads them instead of ordering them", () => {
    const cyclic = new Map([
      ["A1", new Set(["B1"])],
      ["B1", new Set(["A1"])],
      ["C1", new Set(["B1"])],
      ["D1", new Set(["D1"])],
    ]);
    const { order, cyclic: found } = recalcOrder(cyclic, ["A1", "D1"]);
    expect(order).toEqual([]);
    expect([...found].sort()).toEqual(["A1", "B1", "C1", "D1"]);
  });
});

describe("SheetModel", () => {
  // Formulas in JavaScript stand in for Ruby here: same read callback, no sandbox.
  const js: Evaluate = async (formula, read) =>
    new Function("cell", "range", `return ${formula}`)(read, (r: string) =>
      expandRange(r).map(read),
    );

  function countingModel() {
    const evaluated: string[] = [];
    const model = new SheetModel(async (formula, read) => {
      evaluated.push(formula);
      return js(formula, read);
    });
    return { model, evaluated };
  }

  it("types values and evaluates formulas from the cells they read", async () => {
    const { model } = countingModel();
    await model.setMany([
      ["A1", "10"],
      ["A2", "2.5"],
      ["A3", "pears"],
      ["B1", '=cell("A1") * 1.2'],
      ["B2", '=range("A1:A2").reduce((a, b) => a + b, 0)'],
    ]);
    expect(model.get("A3").value).toBe("pears");
    expect(model.get("B1").value).toBe(12);
    expect(model.get("B2").value).toBe(12.5);
    expect(literal("")).toBeNull();
    expect(literal("-1e3")).toBe(-1000);
  });

  it("recomputes only the dependents of an edited cell", async () => {
    const { model, evaluated } = countingModel();
    await model.setMany([
      ["A1", "1"],
      ["A2", "5"],
      ["B1", '=cell("A1") + 1'],
      ["C1", '=cell("B1") * 10'],
      ["B2", '=cell("A2")'],
    ]);
    evaluated.length = 0;
    expect(await model.set("A1", "2")).toEqual(["B1", "C1"]);
    expect(evaluated).toEqual(['cell("A1") + 1', 'cell("B1") * 10']);
    expect(model.get("C1").value).toBe(30);
  });

  it("tracks refs read at run time, not only the literal ones", async () => {
    const { model } = countingModel();
    await model.setMany([
      ["A1", "3"],
      ["B1", '=cell("A" + "1") * 2'],
    ]);
    expect([...(model.dependencies.get("B1") ?? [])]).toEqual(["A1"]);
    await model.set("A1", "4");
    expect(model.get("B1").value).toBe(8);
  });

  it("keeps an error in its cell and passes it on to readers", async () => {
    const { model } = countingModel();
    await model.setMany([
      ["A1", "=nope()"],
      ["B1", '=cell("A1") + 1'],
      ["C1", '=cell("C1")'],
    ]);
    expect(model.get("A1").error).toBeInstanceOf(ReferenceError);
    expect(String(model.get("B1").error)).toContain("A1 has an error (ReferenceError)");
    expect(model.get("C1").error).toBeInstanceOf(CircularReference);
    await model.set("A1", "1");
    expect(model.get("B1").value).toBe(2);
    expect(model.get("B1").error).toBeUndefined();
  });
});
