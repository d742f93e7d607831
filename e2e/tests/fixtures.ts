import { test as base, expect, type Locator, type Page } from "@playwright/test";

// Shared by the playground and sheet specs. Every test fails on an uncaught page error, a console
// error or a failed request, so a worker or wasm URL that 404s shows up by name.
export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
      page.on("console", (msg) => {
        if (msg.type() === "error") problems.push(`console.error: ${msg.text()}`);
      });
      page.on("response", (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      page.on("requestfailed", (request) => {
        problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
      });
      await use(problems);
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The Ruby editor's editable area (CodeMirror's content element). */
export const editor = (page: Page): Locator => page.getByTestId("editor");
export const servicesEditor = (page: Page): Locator => page.getByTestId("services-editor");

/**
 * Replaces the text of a CodeMirror editor. Typed as one insertion (no per-key auto-indent or
 * bracket closing), the way a paste arrives.
 */
export async function setText(page: Page, target: Locator, text: string): Promise<void> {
  await target.click();
  await target.press("ControlOrMeta+a");
  if (text === "") await target.press("Delete");
  else await page.keyboard.insertText(text);
}

/** The lines CodeMirror renders (only those in view: long documents are virtualised). */
export async function visibleText(target: Locator): Promise<string> {
  const lines = await target.locator(".cm-line").allInnerTexts();
  return lines.map((line) => line.replace(/\n$/, "")).join("\n");
}

/** Clicks Run (or presses Ctrl/Cmd+Enter in the editor) and waits until that run has finished. */
export async function runCurrent(page: Page, how: "click" | "shortcut" = "click"): Promise<void> {
  const status = page.getByTestId("status");
  await expect(status).not.toHaveAttribute("data-state", "running");
  const before = Number(await status.getAttribute("data-run"));
  if (how === "click") await page.getByTestId("run").click();
  else await editor(page).press("ControlOrMeta+Enter");
  await expect(status).toHaveAttribute("data-run", String(before + 1));
}

/** Puts `source` in the editor and runs it. */
export async function run(page: Page, source: string): Promise<void> {
  await setText(page, editor(page), source);
  await runCurrent(page);
}
