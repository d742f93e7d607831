import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, runCurrent, test } from "./fixtures.js";

// The production build from a plain static server, in a subfolder, with no COOP/COEP headers and
// nothing but files and content types: what any host does. The preview server's build is used
// (playwright.config.ts builds it before the tests start); not @smoke, so the dev projects skip it.
const DIST = fileURLToPath(new URL("../../apps/playground/dist/", import.meta.url));
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
};
const PREFIX = "/some/folder/";

let server: Server;
let base: string;

test.beforeAll(async () => {
  server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const relative = normalize(path.slice(PREFIX.length) || "index.html");
    if (!path.startsWith(PREFIX) || relative.startsWith("..")) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(DIST, relative));
      response.writeHead(200, {
        "content-type": TYPES[extname(relative)] ?? "application/octet-stream",
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PREFIX}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test("the playground runs a service example from a subfolder of a static server", async ({
  page,
}) => {
  await page.goto(base);
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(false);
  await page.getByTestId("examples").selectOption("services-handle");
  await runCurrent(page);
  await expect(page.getByTestId("result")).toHaveText("2.5");
});

test("the formula sheet computes from a subfolder of a static server", async ({ page }) => {
  await page.goto(`${base}sheet.html`);
  await expect(page.getByTestId("cell-D8")).toHaveValue("31.2");
  await page.getByRole("link", { name: "Playground" }).click();
  await expect(page).toHaveURL(base);
});
