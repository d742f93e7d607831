import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.js";

// The formula sheet: Ruby formulas in a sandbox, reading other cells through a service.
const cell = (page: Page, ref: string) => page.getByTestId(`cell-${ref}`);

async function enter(page: Page, ref: string, raw: string): Promise<void> {
  await cell(page, ref).click();
  await cell(page, ref).fill(raw);
  await cell(page, ref).press("Enter");
}

test.beforeEach(async ({ page }) => {
  await page.goto("./sheet.html");
  await expect(page.getByTestId("sheet-status")).toHaveAttribute("data-state", "idle");
});

test("computes the example's formulas", { tag: "@smoke" }, async ({ page }) => {
  await expect(cell(page, "D2")).toHaveValue("6");
  await expect(cell(page, "D6")).toHaveValue("26");
  await expect(cell(page, "D8")).toHaveValue("31.2");
  await expect(cell(page, "E2")).toHaveValue("bulk");
  await expect(cell(page, "E6")).toHaveValue("43 items");
  await cell(page, "D6").focus();
  await expect(page.getByTestId("cell-info-raw")).toHaveText('=range("D2:D5").sum');
});

test("an edit recomputes the cells that depend on it", async ({ page }) => {
  await enter(page, "C2", "20");
  await expect(cell(page, "D2")).toHaveValue("10");
  await expect(cell(page, "D6")).toHaveValue("30");
  await expect(cell(page, "D8")).toHaveValue("36");
  await expect(cell(page, "E6")).toHaveValue("51 items");
  // Only what depends on C2: D2, E2, E6, D6, D7, D8 (not D3–D5, E3–E5).
  await expect(page.getByTestId("sheet-status")).toHaveText(/recomputed 6 formulas in/);
  // A new formula that reads the edited cell.
  await enter(page, "E7", '=cell("D8") * 1.2');
  await expect(cell(page, "E7")).toHaveValue("43.2");
  await enter(page, "C2", "10");
  await expect(cell(page, "E7")).toHaveValue("36");
});

test("an error stays in its cell and in the cells that read it", async ({ page }) => {
  await enter(page, "B3", "=1 / 0");
  await expect(cell(page, "B3")).toHaveValue("#ZeroDivisionError");
  await expect(cell(page, "D3")).toHaveAttribute("data-state", "error");
  await cell(page, "B3").focus();
  await expect(page.getByTestId("cell-info-detail")).toHaveText("ZeroDivisionError: divided by 0");
  // A formula reading it gets a Ruby exception it could rescue, naming the cause.
  await cell(page, "D3").focus();
  await expect(page.getByTestId("cell-info-detail")).toHaveText(
    "Kobako::ServiceError: B3 has an error (ZeroDivisionError)",
  );
  await enter(page, "B3", "1");
  await expect(cell(page, "D3")).toHaveValue("8");
});

test("a runaway formula is stopped by the timeout while the sheet keeps working", async ({
  page,
}) => {
  await enter(page, "C4", "=loop {}");
  await expect(page.getByTestId("sheet-status")).toHaveAttribute("data-state", "busy");
  // The page is not blocked: typing into another cell works while the formula runs.
  await cell(page, "A2").click();
  await cell(page, "A2").fill("apricot");
  await expect(cell(page, "A2")).toHaveValue("apricot");
  await cell(page, "A2").press("Enter");
  await expect(cell(page, "C4")).toHaveValue("#TimeoutError");
  await expect(cell(page, "D4")).toHaveAttribute("data-state", "error");
  await expect(page.getByTestId("sheet-status")).toHaveAttribute("data-state", "idle");
  await enter(page, "C4", "3");
  await expect(cell(page, "D4")).toHaveValue("6");
});

test("circular references are reported, not run", async ({ page }) => {
  await enter(page, "E1", '=cell("E1") + 1');
  await expect(cell(page, "E1")).toHaveValue("#CircularReference");
});

test("edits survive a reload, and Reset brings the example back", async ({ page }) => {
  await enter(page, "B2", "1.5");
  await expect(cell(page, "D2")).toHaveValue("18");
  await page.reload();
  await expect(cell(page, "B2")).toHaveValue("1.5");
  await expect(cell(page, "D2")).toHaveValue("18");
  await page.getByTestId("sheet-reset").click();
  await expect(cell(page, "B2")).toHaveValue("0.5");
  await expect(cell(page, "D2")).toHaveValue("6");
});

test("a range gives empty cells as nil, for Ruby to handle", async ({ page }) => {
  await enter(page, "E7", '=range("B6:B8").inspect');
  await expect(cell(page, "E7")).toHaveValue("[nil, nil, nil]");
  await enter(page, "E7", '=range("D2:D8").compact.max');
  await expect(cell(page, "E7")).toHaveValue("31.2");
});

test("works by keyboard alone: type over a cell, Escape undoes, arrows and Tab move", async ({
  page,
}) => {
  await cell(page, "B2").focus();
  await page.keyboard.type("9"); // the cell's text is selected on focus: typing replaces it
  await page.keyboard.press("Escape");
  await expect(cell(page, "B2")).toHaveValue("0.5");
  await page.keyboard.press("ArrowDown");
  await expect(cell(page, "B3")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(cell(page, "C3")).toBeFocused();
  await page.keyboard.type("10");
  await page.keyboard.press("Enter");
  await expect(cell(page, "C4")).toBeFocused();
  await expect(cell(page, "D3")).toHaveValue("7.5");
  await expect(cell(page, "E3")).toHaveValue("bulk");
});

test("a Try formula goes into the selected cell, saved with Enter", async ({ page }) => {
  await page.getByTestId("try").filter({ hasText: '=cell("B2") * 1.2' }).click();
  await expect(cell(page, "E7")).toBeFocused();
  await expect(cell(page, "E7")).toHaveValue('=cell("B2") * 1.2');
  await page.keyboard.press("Enter");
  await expect(cell(page, "E7")).toHaveValue("0.6");
  // The selected cell is the last one focused.
  await cell(page, "E3").focus();
  await page.getByTestId("try").filter({ hasText: "=1 / 0" }).click();
  await page.keyboard.press("Enter");
  await expect(cell(page, "E3")).toHaveValue("#ZeroDivisionError");
});
