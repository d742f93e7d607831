import type { Page } from "@playwright/test";
import {
  editor,
  expect,
  run,
  runCurrent,
  servicesEditor,
  setText,
  test,
  visibleText,
} from "./fixtures.js";

// Share links: code and services in the URL fragment, restored by whoever opens the link.

async function copyLink(page: Page): Promise<string> {
  await page.getByTestId("copy-link").click();
  // With clipboard access the link is copied; without (an engine or a policy that refuses it)
  // it is shown, selected, to copy by hand. Either way it is in the address bar.
  await expect(page.getByTestId("share-status")).toHaveText(/Link copied|Copy the link/);
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#v1\./);
  return page.url();
}

async function openFresh(page: Page, url: string): Promise<Page> {
  // A new context: nothing in localStorage, as for someone the link was sent to.
  const other = await page.context().browser()?.newContext();
  if (!other) throw new Error("no browser");
  const opened = await other.newPage();
  await opened.goto(url);
  await expect(opened.getByTestId("status")).toHaveAttribute("data-state", "ready");
  return opened;
}

test("a share link restores the code and the services and gives the same result", async ({
  page,
}) => {
  // Many runs and page loads in one test: on two busy cores it needs more than the default 30 s.
  test.slow();
  await page.goto("./");
  const services = 'return { Greeter: { Hello: (name) => "hi, " + name } };';
  await setText(page, servicesEditor(page), services);
  await run(page, 'Greeter::Hello.call("Ruby") + "!"');
  await expect(page.getByTestId("result")).toHaveText('"hi, Ruby!"');

  const url = await copyLink(page);
  const opened = await openFresh(page, url);
  await expect(opened.getByTestId("share-status")).toHaveText("Opened a shared link.");
  expect(await visibleText(editor(opened))).toBe('Greeter::Hello.call("Ruby") + "!"');
  expect(await visibleText(servicesEditor(opened))).toBe(services);

  // Someone else's JavaScript would run in this page: nothing runs it until it is trusted.
  await expect(opened.getByTestId("services-warning")).toBeVisible();
  await runCurrent(opened);
  await expect(opened.getByTestId("error-class")).toHaveText("ServicesError");
  await expect(opened.getByTestId("result")).toHaveText("");
  await opened.getByTestId("services-trust").click();
  await expect(opened.getByTestId("services-warning")).toBeHidden();
  await runCurrent(opened);
  await expect(opened.getByTestId("result")).toHaveText('"hi, Ruby!"');
  await opened.context().close();
});

test("a 20 KB script fits in a share link", async ({ page }) => {
  // Many runs and page loads in one test: on two busy cores it needs more than the default 30 s.
  test.slow();
  // Lines that differ from each other, so compression has real work to do.
  const lines: string[] = [];
  let expected = 0;
  for (let i = 0; lines.join("\n").length < 20_000; i++) {
    const [a, b] = [(i * 7919) % 1000, (i * 104729) % 97];
    lines.push(`def step_${i}(x) = x * ${a} + ${b} # step ${i.toString(36)}`);
    expected += i * a + b;
  }
  lines.push(`(0...${lines.length}).sum { |i| send("step_#{i}", i) }`);
  const source = lines.join("\n");
  expect(source.length).toBeGreaterThan(20_000);

  await page.goto("./");
  await setText(page, editor(page), source);
  await runCurrent(page);
  await expect(page.getByTestId("result")).toHaveText(String(expected));
  const url = await copyLink(page);
  expect(url.length).toBeLessThan(32_000);

  const opened = await openFresh(page, url);
  // The default services are the page's own: nothing to trust.
  await expect(opened.getByTestId("services-warning")).toBeHidden();
  await runCurrent(opened);
  await expect(opened.getByTestId("result")).toHaveText(String(expected));
  await opened.context().close();
});

test("editing the code drops the link from the address bar", async ({ page }) => {
  await page.goto("./");
  await copyLink(page);
  await editor(page).click();
  await page.keyboard.type("# edited\n");
  await expect.poll(() => new URL(page.url()).hash).toBe("");
});

test("Copy link puts the link on the clipboard when the page may write it", async ({
  page,
  context,
  browserName,
}) => {
  test.skip(browserName !== "chromium", "granting clipboard access is Chromium's permission API");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("./");
  const url = await copyLink(page);
  await expect(page.getByTestId("share-status")).toHaveText(/^Link copied/);
  await expect(page.getByTestId("share-url")).toBeHidden();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
});

test("without a clipboard, Copy link shows the link selected to copy by hand", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
  });
  await page.goto("./");
  const url = await copyLink(page);
  await expect(page.getByTestId("share-status")).toHaveText(/^Copy the link below/);
  const field = page.getByTestId("share-url");
  await expect(field).toBeVisible();
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(url);
});
