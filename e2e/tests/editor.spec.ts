import { editor, expect, run, runCurrent, setText, test } from "./fixtures.js";

// The CodeMirror editor of the playground: highlighting, line numbers, search, keyboard, and the
// line an error points at.
test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await expect(page.getByTestId("status")).toHaveAttribute("data-state", "ready");
});

test("highlights Ruby and numbers the lines", async ({ page }) => {
  await setText(page, editor(page), 'def greet(name)\n  "hi #{name}" # comment\nend');
  const gutter = page.locator("#editor-host .cm-lineNumbers .cm-gutterElement");
  await expect(gutter.filter({ hasText: /^3$/ })).toBeVisible();
  // The legacy Ruby mode tags tokens; the highlight style gives keywords, strings and comments
  // their own classes.
  const classes = await editor(page)
    .locator(".cm-line span")
    .evaluateAll((spans) => new Set(spans.map((s) => s.className)).size);
  expect(classes).toBeGreaterThanOrEqual(3);
});

test("marks the line of a raise and clears the mark on the next edit", async ({ page }) => {
  await run(page, 'x = 1\ndef boom\n  raise ArgumentError, "bad input"\nend\nboom');
  const marked = page.locator(".cm-error-line");
  await expect(marked).toHaveCount(1);
  await expect(marked).toContainText('raise ArgumentError, "bad input"');
  await expect(marked).toHaveAttribute("data-error", "ArgumentError: bad input");
  await expect(page.locator(".cm-error-message")).toHaveText("↑ ArgumentError: bad input");
  await editor(page).press("End");
  await page.keyboard.type(" ");
  await expect(marked).toHaveCount(0);
  await expect(page.locator(".cm-error-message")).toHaveCount(0);
});

test("a backtrace entry in the script takes the cursor to its line", async ({ page }) => {
  await run(page, 'def boom\n  raise "no"\nend\n\nboom');
  const entries = page.getByTestId("error-backtrace").getByRole("button");
  await expect(entries).toHaveText([/^\(eval\):2\b/, /^\(eval\):5\b/]);
  await entries.nth(1).click();
  await expect(editor(page)).toBeFocused();
  await expect(page.locator("#editor-host .cm-activeLine")).toHaveText("boom");
});

test("marks the line of a syntax error", async ({ page }) => {
  await run(page, "a = 1\nb = (2 +\nc = 3");
  await expect(page.getByTestId("error-class")).toHaveText("SyntaxError");
  await expect(page.locator(".cm-error-line")).toHaveCount(1);
});

test("searches with Ctrl/Cmd+F", async ({ page }) => {
  await setText(page, editor(page), "alpha = 1\nbeta = alpha + 1");
  await editor(page).press("ControlOrMeta+f");
  const search = page.locator(".cm-search input[name=search]");
  await expect(search).toBeFocused();
  await search.pressSequentially("alpha"); // CodeMirror reads the query on key events
  await expect(page.locator(".cm-searchMatch")).toHaveCount(2);
});

test("runs, stops and leaves the editor by keyboard alone", async ({ page }) => {
  await setText(page, editor(page), "loop {}");
  await editor(page).press("ControlOrMeta+Enter");
  await expect(page.getByTestId("status")).toHaveAttribute("data-state", "running");
  // Escape, then (Shift+)Tab leaves CodeMirror (Tab alone indents): back to Copy link, then Stop.
  // CodeMirror lets Tab move focus for 2 s after Escape; on a loaded machine (the runaway loop
  // holds one of two cores) that window can close before the next key arrives, so try again.
  await expect(async () => {
    await editor(page).press("Escape");
    await page.keyboard.press("Shift+Tab");
    await expect(page.getByTestId("copy-link")).toBeFocused({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByTestId("stop")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("status")).toHaveText(/Stopped/);
  await setText(page, editor(page), "6 * 7");
  await runCurrent(page, "shortcut");
  await expect(page.getByTestId("result")).toHaveText("42");
});

test("flags output past the playground's 64 KiB cap as truncated", async ({ page }) => {
  await page.getByTestId("examples").selectOption("truncated");
  await runCurrent(page);
  await expect(page.getByTestId("result")).toHaveText(":done");
  await expect(page.getByTestId("stdout-truncated")).toBeVisible();
  await expect(page.getByTestId("stderr-truncated")).toBeHidden();
  await expect(page.getByTestId("stderr")).toHaveText("stderr is capped separately");
});
