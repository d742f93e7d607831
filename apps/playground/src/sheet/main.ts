import "../style.css";
import "./sheet.css";
import { describeError } from "../errors.js";
import { formatMs } from "../format.js";
import { inspect } from "../inspect.js";
import { byId, storage } from "../page.js";
import { EXAMPLE } from "./example.js";
import { createEvaluator } from "./formulas.js";
import formulasSource from "./formulas.ts?raw";
import { type CellState, formulaOf, SheetModel } from "./model.js";
import { allRefs, COLUMNS, parseRef, ROWS, refName } from "./refs.js";

const TIMEOUT_MS = 1_000;
/** The user's cells survive a reload; Reset brings the example back. */
const STORAGE_KEY = "kobako-sheet:cells";

const status = byId("sheet-status");
const info = {
  ref: byId("cell-info-ref"),
  raw: byId("cell-info-raw"),
  detail: byId("cell-info-detail"),
};
const inputs = new Map<string, HTMLInputElement>();
/** The cell the bar above the grid describes and the Try buttons fill: an empty one at first. */
let selected = "E7";
let queued = 0;

const evaluator = createEvaluator(TIMEOUT_MS);
const model = new SheetModel(
  async (formula, read) => (await evaluator)(formula, read),
  (ref, cell) => render(ref, cell),
);

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

/** What a cell shows when it is not being edited. */
function display(cell: CellState): string {
  if (cell.pending) return "…";
  if (cell.error !== undefined) return `#${describeError(cell.error).klass.split("::").pop()}`;
  const { value } = cell;
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return numberFormat.format(value);
  if (typeof value === "string") return value;
  return inspect(value);
}

function stateOf(cell: CellState): string {
  if (cell.pending) return "pending";
  if (cell.error !== undefined) return "error";
  return formulaOf(cell.raw) === undefined ? "value" : "formula";
}

function render(ref: string, cell: CellState): void {
  const input = inputs.get(ref);
  if (!input) return;
  input.dataset.state = stateOf(cell);
  input.classList.toggle("numeric", typeof cell.value === "number" && !cell.pending);
  input.title = cell.error === undefined ? "" : errorText(cell.error);
  if (document.activeElement !== input) input.value = display(cell);
  if (ref === selected) showInfo(ref);
}

function errorText(error: unknown): string {
  const { klass, message } = describeError(error);
  return message ? `${klass}: ${message}` : klass;
}

function showInfo(ref: string): void {
  const cell = model.get(ref);
  byId("try-target").textContent = ref;
  info.ref.textContent = ref;
  info.raw.textContent = cell.raw;
  info.detail.dataset.state = stateOf(cell);
  if (cell.error !== undefined) info.detail.textContent = errorText(cell.error);
  else if (formulaOf(cell.raw) !== undefined && !cell.pending) {
    info.detail.textContent = `→ ${inspect(cell.value)}`;
  } else info.detail.textContent = cell.pending ? "recomputing…" : "";
}

/** Saves an edit; recomputation runs in the background while the user moves on. */
function commit(ref: string, raw: string): void {
  if (raw === model.get(ref).raw) return;
  track(model.set(ref, raw));
  save();
}

function save(): void {
  const cells = Object.fromEntries(
    allRefs()
      .map((ref) => [ref, model.get(ref).raw])
      .filter(([, raw]) => raw !== ""),
  );
  storage.set(STORAGE_KEY, JSON.stringify(cells));
}

function saved(): Record<string, string> | undefined {
  try {
    const cells: unknown = JSON.parse(storage.get(STORAGE_KEY) ?? "null");
    if (typeof cells !== "object" || cells === null) return undefined;
    const entries = Object.entries(cells).filter(
      (entry): entry is [string, string] =>
        parseRef(entry[0]) !== undefined && typeof entry[1] === "string",
    );
    return Object.fromEntries(entries);
  } catch {
    return undefined;
  }
}

/** Every cell of the sheet set to `cells` (the others emptied). */
function load(cells: Record<string, string>): void {
  track(model.setMany(allRefs().map((ref) => [ref, cells[ref] ?? ""])));
}

/** Shows "Recomputing…" until every queued change is done, then what the last one cost. */
function track(done: Promise<string[]>): void {
  const started = performance.now();
  queued += 1;
  status.dataset.state = "busy";
  status.textContent = "Recomputing…";
  void done
    .then(
      (cells) => {
        const n = cells.length;
        const cost = n
          ? `${n} formula${n === 1 ? "" : "s"} in ${formatMs(performance.now() - started)}`
          : "nothing";
        return `Up to date: recomputed ${cost}.`;
      },
      () => "Up to date.",
    )
    .then((text) => {
      queued -= 1;
      if (queued > 0) return;
      status.dataset.state = "idle";
      status.textContent = text;
    });
}

function move(from: string, rows: number, columns: number): void {
  const pos = parseRef(from);
  if (!pos) return;
  const row = Math.min(ROWS, Math.max(1, pos.row + rows));
  const column = Math.min(COLUMNS.length - 1, Math.max(0, pos.column + columns));
  inputs.get(refName({ row, column }))?.focus();
}

function buildGrid(): void {
  const head = byId("grid-head");
  head.append(document.createElement("th"));
  for (const column of COLUMNS) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = column;
    head.append(th);
  }
  const body = byId("grid-body");
  for (let row = 1; row <= ROWS; row++) {
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = String(row);
    tr.append(th);
    for (let column = 0; column < COLUMNS.length; column++) {
      const ref = refName({ row, column });
      const input = document.createElement("input");
      input.id = `cell-${ref}`;
      input.dataset.testid = `cell-${ref}`;
      input.setAttribute("aria-label", ref);
      input.autocomplete = "off";
      input.spellcheck = false;
      // Safari and WebKit clear a selection made on focus at the click's mouseup: keep it, so
      // typing into a clicked cell replaces its text in every engine.
      let focusingClick = false;
      input.addEventListener("mousedown", () => {
        focusingClick = document.activeElement !== input;
      });
      input.addEventListener("focus", () => {
        selected = ref;
        input.value = model.get(ref).raw;
        input.select();
        showInfo(ref);
      });
      input.addEventListener("mouseup", (event) => {
        if (focusingClick) event.preventDefault();
        focusingClick = false;
      });
      input.addEventListener("blur", () => {
        commit(ref, input.value);
        render(ref, model.get(ref));
      });
      input.addEventListener("keydown", (event) => {
        if (event.key === "Escape") {
          input.value = model.get(ref).raw;
          input.select();
        } else if (event.key === "Enter" || event.key === "ArrowDown") {
          event.preventDefault();
          commit(ref, input.value);
          move(ref, event.shiftKey ? -1 : 1, 0);
        } else if (event.key === "ArrowUp") {
          event.preventDefault();
          commit(ref, input.value);
          move(ref, -1, 0);
        }
      });
      inputs.set(ref, input);
      const td = document.createElement("td");
      td.append(input);
      tr.append(td);
    }
    body.append(tr);
  }
}

buildGrid();
for (const button of document.querySelectorAll<HTMLButtonElement>("button.try")) {
  button.addEventListener("click", () => {
    const input = inputs.get(selected);
    if (!input) return;
    input.focus(); // shows the raw text, which the formula then replaces, unsaved until Enter
    input.value = button.textContent ?? "";
  });
}
// The file's own source, without its header comment (the page says the same above it).
byId("how-code").textContent = formulasSource.slice(formulasSource.indexOf("import")).trim();
for (const ref of allRefs()) render(ref, model.get(ref));
load(saved() ?? EXAMPLE);
byId("sheet-reset").addEventListener("click", () => {
  storage.remove(STORAGE_KEY);
  load(EXAMPLE);
});
showInfo(selected);
evaluator.catch((error: unknown) => {
  status.dataset.state = "error";
  status.textContent = `The sandbox failed to start: ${errorText(error)}`;
});
