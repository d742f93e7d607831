import type { Page } from "@playwright/test";
// Every test fails on an uncaught page error, a console error or a failed request (fixtures.ts).
import { expect, test } from "./fixtures.js";

// Tests tagged @smoke also run against the dev servers (see playwright.config.ts); the Stop test
// is among them because a stopped worker is replaced, which loads the worker script again.
test.beforeEach(async ({ page }) => {
  await page.goto("/");
});

/** Puts `source` in the editor, clicks Run and waits until that run has finished. */
async function run(page: Page, source: string): Promise<void> {
  // The editor is CodeMirror: select all with its own command, then insert the text as a paste
  // would (fill() on its content element races CodeMirror's DOM updates after an error mark).
  const editor = page.getByTestId("editor");
  await editor.click();
  await editor.press("ControlOrMeta+a");
  await page.keyboard.insertText(source);
  await runCurrent(page);
}

async function runCurrent(page: Page, how: "click" | "shortcut" = "click"): Promise<void> {
  const status = page.getByTestId("status");
  const before = Number(await status.getAttribute("data-run"));
  if (how === "click") await page.getByTestId("run").click();
  else await page.getByTestId("editor").press("ControlOrMeta+Enter");
  await expect(status).toHaveAttribute("data-run", String(before + 1));
}

test("B01/B50 shows the result and stdout of a script", { tag: "@smoke" }, async ({ page }) => {
  await run(page, 'puts "hi"; 1 + 2');
  await expect(page.getByTestId("status")).toHaveAttribute("data-state", "ok");
  await expect(page.getByTestId("result")).toHaveText("3");
  await expect(page.getByTestId("stdout")).toHaveText("hi");
  await expect(page.getByTestId("stderr")).toHaveText("");
  await expect(page.getByTestId("error-pane")).toBeHidden();
  await expect(page.getByTestId("usage-wall-time")).toHaveText(/^\d[\d,.]* ms$/);
});

test("B01 shows values in Ruby's inspect form", async ({ page }) => {
  await run(page, '[nil, true, 2.5, -0.0, "x", :sym, { "a" => 1 }, { 1 => 2 }, 2**62, "\\xFF"]');
  await expect(page.getByTestId("result")).toHaveText(
    '[nil, true, 2.5, -0.0, "x", :sym, {"a" => 1}, {1 => 2}, 4611686018427387904, "\\xFF"]',
  );
});

test("B64 a raise shows the error pane with class, message and backtrace", {
  tag: "@smoke",
}, async ({ page }) => {
  await run(page, 'def boom\n  raise ArgumentError, "bad input"\nend\nboom');
  await expect(page.getByTestId("status")).toHaveAttribute("data-state", "error");
  await expect(page.getByTestId("error-pane")).toBeVisible();
  await expect(page.getByTestId("error-kind")).toHaveText("SandboxError");
  await expect(page.getByTestId("error-class")).toHaveText("ArgumentError");
  await expect(page.getByTestId("error-message")).toHaveText("bad input");
  await expect(page.getByTestId("error-backtrace").getByRole("listitem").first()).toContainText(
    "(eval)",
  );
  await expect(page.getByTestId("result")).toHaveText("");
});

test("B64 a syntax error shows the error pane with SyntaxError", async ({ page }) => {
  await run(page, "def broken(\n  1 +");
  await expect(page.getByTestId("error-pane")).toBeVisible();
  await expect(page.getByTestId("error-kind")).toHaveText("SandboxError");
  await expect(page.getByTestId("error-class")).toHaveText("SyntaxError");
});

test("B50 output and errors are cleared between runs", async ({ page }) => {
  await run(page, 'puts "first"\n$stderr.puts "oops"\nraise "failed"');
  await expect(page.getByTestId("stdout")).toHaveText("first");
  await expect(page.getByTestId("stderr")).toHaveText("oops");
  await expect(page.getByTestId("error-class")).toHaveText("RuntimeError");

  await run(page, "40 + 2");
  await expect(page.getByTestId("status")).toHaveAttribute("data-state", "ok");
  await expect(page.getByTestId("result")).toHaveText("42");
  await expect(page.getByTestId("stdout")).toHaveText("");
  await expect(page.getByTestId("stderr")).toHaveText("");
  await expect(page.getByTestId("error-pane")).toBeHidden();
});

test("B06 each run starts from a fresh Ruby state", async ({ page }) => {
  await run(page, "$counter = 1\nFOO = 2\n:ok");
  await run(page, "[$counter, Object.const_defined?(:FOO)]");
  await expect(page.getByTestId("result")).toHaveText("[nil, false]");
});

test("the editor indents with Tab and runs with Ctrl/Cmd+Enter", async ({ page }) => {
  const editor = page.getByTestId("editor");
  await editor.click();
  await editor.press("ControlOrMeta+a");
  await editor.press("Delete");
  await editor.pressSequentially("x = [1, 2]");
  await editor.press("Enter");
  await editor.press("Tab");
  await editor.pressSequentially("x.first + x.last");
  // A CodeMirror editor: its text is in the rendered lines, not in a value.
  await expect
    .poll(() => editor.locator(".cm-line").allTextContents())
    .toEqual(["x = [1, 2]", "  x.first + x.last"]);
  await runCurrent(page, "shortcut");
  await expect(page.getByTestId("result")).toHaveText("3");
});

test("every example runs as advertised", async ({ page }) => {
  // Many runs and page loads in one test: on two busy cores it needs more than the default 30 s.
  test.slow();
  const examples = page.getByTestId("examples");
  const ids = await examples
    .locator("option:not([hidden])")
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  const expected: Record<string, string> = { raise: "error", "syntax-error": "error" };
  for (const id of ids.filter((id) => id !== "loop")) {
    await examples.selectOption(id);
    await runCurrent(page);
    await expect(page.getByTestId("status"), `example ${id}`).toHaveAttribute(
      "data-state",
      expected[id] ?? "ok",
    );
  }
  await examples.selectOption("output");
  await runCurrent(page);
  await expect(page.getByTestId("stdout")).toContainText("line 3");
  await expect(page.getByTestId("stderr")).toContainText("this goes to stderr");
});

test("B16 works on a page that is not cross-origin isolated", { tag: "@smoke" }, async ({
  page,
}) => {
  await expect(page.getByTestId("isolation")).toHaveText("no");
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(false);
  await run(page, "1");
  await expect(page.getByTestId("result")).toHaveText("1");
});

test("Stop ends a runaway loop and the next run works", { tag: "@smoke" }, async ({ page }) => {
  await page.getByTestId("examples").selectOption("loop");
  await page.getByTestId("run").click();
  await expect(page.getByTestId("status")).toHaveAttribute("data-state", "running");
  await page.waitForTimeout(300);
  const status = page.getByTestId("status");
  await page.getByTestId("stop").click();
  await expect(status).toHaveAttribute("data-state", "error", { timeout: 5_000 });
  await expect(status).toHaveText(/Stopped/);
  await run(page, "1 + 1");
  await expect(page.getByTestId("result")).toHaveText("2");
});
