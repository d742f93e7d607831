import { expect, run, runCurrent, servicesEditor, setText, test } from "./fixtures.js";

// The services panel: JavaScript of the page's own, bound to the sandbox, and the examples that
// call it.
test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await expect(page.getByTestId("status")).toHaveAttribute("data-state", "ready");
});

const EXAMPLES: Record<string, { result: string; stdout?: RegExp }> = {
  "services-sync-async": {
    result: '[["apple", 0.5, 12], ["pear", 0.75, 12], ["fig", 2, 0], ["kiwi", nil, 12]]',
  },
  "services-kwargs": { result: '{"subtotal" => 12.4, "tax" => 2.48, "total" => 14.88}' },
  "services-block": { result: '"3 items"', stdout: /apple\s+0\.50\npear\s+0\.75\nfig\s+2\.00/ },
  "services-handle": { result: "2.5", stdout: /#<Kobako::Handle \d+>/ },
  "services-rescue": {
    result: ":declined",
    stdout: /rescued: payment declined for 1 item\(s\)/,
  },
};

for (const [id, expected] of Object.entries(EXAMPLES)) {
  // One of them also runs on the dev servers: the services bridge in a worker they serve.
  const tag = id === "services-block" ? ["@smoke"] : [];
  test(`the example ${id} runs against the default services`, { tag }, async ({ page }) => {
    await page.getByTestId("examples").selectOption(id);
    await runCurrent(page);
    await expect(page.getByTestId("status")).toHaveAttribute("data-state", "ok");
    await expect(page.getByTestId("result")).toHaveText(expected.result);
    if (expected.stdout) await expect(page.getByTestId("stdout")).toHaveText(expected.stdout);
  });
}

test("the panel lists the bound services, and edits to them reach Ruby", async ({ page }) => {
  await expect(page.getByTestId("services-names")).toContainText("Shop::Price");
  await setText(
    page,
    servicesEditor(page),
    "const rates = { EUR: 1.1 };\nreturn { Money: { Rate: (code) => rates[code] ?? null } };",
  );
  await run(page, '[Money::Rate.call("EUR"), Money::Rate.call("XYZ")]');
  await expect(page.getByTestId("result")).toHaveText("[1.1, nil]");
  await expect(page.getByTestId("services-names")).toHaveText("Money::Rate");

  await page.getByTestId("services-reset").click();
  await run(page, 'Shop::Price.call("pear")');
  await expect(page.getByTestId("result")).toHaveText("0.75");
});

test("services whose JavaScript fails say so, and Ruby is not run", async ({ page }) => {
  await setText(page, servicesEditor(page), "return { Bad: { Oops: ( } };");
  await run(page, ":never");
  await expect(page.getByTestId("status")).toHaveAttribute("data-state", "error");
  await expect(page.getByTestId("error-class")).toHaveText("ServicesError");
  await expect(page.getByTestId("error-message")).toContainText("SyntaxError");
  await expect(page.getByTestId("result")).toHaveText("");
});

test("an unrescued service error shows its class and where Ruby called it", async ({ page }) => {
  await run(page, "cart = Shop::NewCart.call\n\nShop::Checkout.call(cart)");
  await expect(page.getByTestId("error-kind")).toHaveText("ServiceError");
  await expect(page.getByTestId("error-class")).toHaveText("Kobako::ServiceError");
  await expect(page.getByTestId("error-message")).toContainText("payment declined");
  await expect(page.locator(".cm-error-line")).toContainText("Shop::Checkout.call(cart)");
});

test("saved services that no longer load do not stop the page from starting", async ({ page }) => {
  await page.evaluate(() => localStorage.setItem("kobako-playground:services", "return {"));
  await page.reload();
  await expect(page.getByTestId("status")).toHaveAttribute("data-state", "ready");
  await expect(page.getByTestId("services-names")).toContainText("not loaded");
  await page.getByTestId("services-reset").click();
  await run(page, 'Shop::Price.call("fig")');
  await expect(page.getByTestId("result")).toHaveText("2");
  await page.reload();
  await expect(page.getByTestId("services-names")).toContainText("Shop::Price");
});
