import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { expect, runCurrent, test } from "./fixtures.js";

// Layout: no sideways overflow at a phone's width, nothing moving while a script runs, and the
// README's screenshots. Set DOCS_SCREENSHOTS=1 to write them to docs/ (Chromium, production
// build); otherwise they go to the test's output folder only.
const DOCS = fileURLToPath(new URL("../../docs/", import.meta.url));

async function screenshot(page: Page, name: string, outputPath: (name: string) => string) {
  const docs =
    process.env.DOCS_SCREENSHOTS === "1" &&
    test.info().project.name === "preview" &&
    page.context().browser()?.browserType().name() === "chromium";
  await page.screenshot({ path: docs ? `${DOCS}${name}` : outputPath(name) });
}

async function expectNoOverflow(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

test.describe("at a phone's width", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("the playground fits without sideways scrolling", async ({ page }, testInfo) => {
    await page.goto("./");
    await page.getByTestId("examples").selectOption("services-block");
    await runCurrent(page);
    await expectNoOverflow(page);
    await page.screenshot({ path: testInfo.outputPath("playground-phone.png"), fullPage: true });
  });

  test("the sheet fits; its grid scrolls inside its own box", async ({ page }, testInfo) => {
    await page.goto("./sheet.html");
    await expect(page.getByTestId("sheet-status")).toHaveAttribute("data-state", "idle");
    await expectNoOverflow(page);
    await page.screenshot({ path: testInfo.outputPath("sheet-phone.png"), fullPage: true });
  });
});

test("nothing moves while a script runs", async ({ page }) => {
  await page.goto("./");
  await expect(page.getByTestId("status")).toHaveAttribute("data-state", "ready");
  const boxes = () =>
    page.evaluate(() =>
      ["status", "result", "stdout", "stderr", "usage", "editor-host", "run", "stop"].map((id) => {
        const r = document.getElementById(id)?.getBoundingClientRect();
        return r && [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
      }),
    );
  await runCurrent(page);
  const before = await boxes();
  await page.getByTestId("examples").selectOption("loop");
  await page.getByTestId("run").click();
  await expect(page.getByTestId("status")).toHaveAttribute("data-state", "running");
  expect(await boxes()).toEqual(before);
  await page.getByTestId("stop").click();
  await expect(page.getByTestId("status")).toHaveText(/Stopped/);
});

test.describe("README screenshots", () => {
  test.use({ viewport: { width: 1280, height: 860 }, colorScheme: "light" });

  test("the playground", async ({ page }, testInfo) => {
    await page.goto("./");
    await page.getByTestId("examples").selectOption("services-block");
    await runCurrent(page);
    await runCurrent(page); // the second run's wall time is the typical one
    await expect(page.getByTestId("stdout")).toContainText("fig");
    await screenshot(page, "playground.png", (n) => testInfo.outputPath(n));
  });

  test("the formula sheet", async ({ page }, testInfo) => {
    await page.goto("./sheet.html");
    await expect(page.getByTestId("sheet-status")).toHaveAttribute("data-state", "idle");
    // An edit, so the status shows what recomputing the cells that depend on it costs.
    await page.getByTestId("cell-C2").fill("15");
    await page.getByTestId("cell-C2").press("Enter");
    await expect(page.getByTestId("sheet-status")).toHaveText(/recomputed 6 formulas/);
    await page.getByTestId("cell-D6").focus();
    await screenshot(page, "sheet.png", (n) => testInfo.outputPath(n));
  });
});

test("dark mode follows the system, editor included", async ({ page }) => {
  await page.goto("./");
  const colors = () =>
    page.evaluate(() => ({
      page: getComputedStyle(document.body).backgroundColor,
      editor: getComputedStyle(document.querySelector(".cm-editor") as Element).backgroundColor,
    }));
  await page.emulateMedia({ colorScheme: "light" });
  const light = await colors();
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await colors();
  expect(light.page).toBe("rgb(247, 247, 248)");
  expect(dark.page).toBe("rgb(22, 22, 26)");
  expect(dark.editor).not.toBe(light.editor);
});
