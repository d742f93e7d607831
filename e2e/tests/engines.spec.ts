// One driver layer for the three engines the browser tests run (Playwright drives only its own
// Chromium builds; Debian's Firefox ESR and WebKitGTK need puppeteer-core and WebDriver).
import {
  ENGINES,
  type Engine,
  type EngineName,
  type EnginePage,
  launch,
  type Modifier,
} from "@kobako/engines";
import { expect, test } from "@playwright/test";
import { ISOLATED_PORT, STATIC_PORT } from "../ports.js";

// Issue 15 item 8: the playground's production build, served by a plain static server (no
// COOP/COEP: consumers/serve.mjs), in Chromium, Firefox ESR and WebKitGTK, used through the
// engines' own clicks and key presses: edit and run, a share link round trip, a service example,
// the formula sheet recomputing, Stop on a runaway script, and a phone's width.
//
// WebKitGTK has neither JS Promise Integration nor a usable SharedArrayBuffer: its service calls (and
// the sheet's formulas, which read cells through a service) go over the replay channel.

const STATIC = `http://127.0.0.1:${STATIC_PORT}/`;
const ISOLATED = `http://127.0.0.1:${ISOLATED_PORT}/`;
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };
const READY = `document.querySelector('[data-testid="status"]')?.dataset.state === "ready"`;
const SHEET_READY = `document.querySelector('[data-testid="sheet-status"]')?.dataset.state === "idle"`;
// Held for Ctrl+Enter, Ctrl+A: the machines these run on are Linux.
const CTRL: Modifier[] = ["Control"];

const byTestId = (id: string) => `[data-testid="${id}"]`;

/** Polls `fn` in the page until it returns true; fails naming `what` after `ms`. */
async function until<A>(
  page: EnginePage,
  what: string,
  fn: (arg: A) => Promise<boolean>,
  arg: A,
  ms = 20_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await page.evaluate(fn, arg))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What the playground shows: status, panes, the editors' lines, the error mark. */
interface Shown {
  state: string;
  run: number;
  status: string;
  result: string;
  stdout: string;
  errorClass: string;
  errorMessage: string;
  memoryPeak: string;
  code: string;
  services: string;
  errorLine: number | null;
  servicesWarning: boolean;
  shareUrl: string;
  href: string;
}

function shown(page: EnginePage): Promise<Shown> {
  return page.evaluate(async () => {
    const $ = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement;
    // CodeMirror's rendered lines: the documents here are short enough to be in view whole.
    const lines = (id: string) =>
      Array.from($(id).querySelectorAll(".cm-line"), (line) => line.textContent ?? "");
    const code = lines("editor");
    const marked = $("editor").querySelector(".cm-error-line");
    return {
      state: $("status").dataset.state ?? "",
      run: Number($("status").dataset.run),
      status: $("status").textContent ?? "",
      result: $("result").textContent ?? "",
      stdout: $("stdout").textContent ?? "",
      errorClass: $("error-class").textContent ?? "",
      errorMessage: $("error-message").textContent ?? "",
      memoryPeak: $("usage-memory-peak").textContent ?? "",
      code: code.join("\n"),
      services: lines("services-editor").join("\n"),
      errorLine: marked ? code.indexOf(marked.textContent ?? "") + 1 : null,
      servicesWarning: !$("services-warning").hidden,
      shareUrl: ($("share-url") as HTMLInputElement).value,
      href: location.href,
    };
  }, null);
}

/** Replaces the text of the editor `id` by typing `lines`, Enter between them. */
async function typeInto(page: EnginePage, id: string, lines: string[]): Promise<void> {
  await page.click(byTestId(id));
  await page.press("a", CTRL);
  await page.press("Backspace");
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.press("Enter");
    await page.type(line);
  }
}

/** Waits for the run after `before` to finish; returns what the page shows then. */
async function finished(page: EnginePage, before: number): Promise<Shown> {
  await until(
    page,
    `run ${before + 1} to finish`,
    async (n) => {
      const status = document.querySelector('[data-testid="status"]') as HTMLElement;
      return Number(status.dataset.run) === n;
    },
    before + 1,
  );
  return shown(page);
}

/** Runs what is in the editor with Ctrl+Enter pressed in it. */
async function runWithShortcut(page: EnginePage): Promise<Shown> {
  const { run } = await shown(page);
  await page.click(byTestId("editor"));
  await page.press("Enter", CTRL);
  return finished(page, run);
}

async function runWithButton(page: EnginePage): Promise<Shown> {
  const { run } = await shown(page);
  await page.click(byTestId("run"));
  return finished(page, run);
}

/** Where the editor, the buttons and the output panes are, in whole CSS pixels. */
function boxes(page: EnginePage) {
  return page.evaluate(async () => {
    const ids = ["editor-host", "run", "stop", "status", "result", "stdout", "stderr", "usage"];
    return ids.map((id) => {
      const r = (document.getElementById(id) as HTMLElement).getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map(Math.round);
    });
  }, null);
}

/** Picks an example from the drop-down (a native select: its popup is the OS's, not the page's). */
async function pickExample(page: EnginePage, id: string): Promise<void> {
  await page.evaluate(async (value) => {
    const select = document.querySelector('[data-testid="examples"]') as HTMLSelectElement;
    select.value = value;
    select.dispatchEvent(new Event("change"));
  }, id);
}

/**
 * Whether the page (in the iframe, when `framed`) scrolls sideways, and how wide it is, once the
 * playground's first run or the sheet's first computation is done.
 */
function settledWidths(page: EnginePage, framed: boolean) {
  return page.evaluate(async (framed) => {
    const doc = framed ? (window.frames[0] as Window).document : document;
    const $ = (id: string) => doc.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
    const started = performance.now();
    const settled = () =>
      $("sheet-status")?.dataset.state === "idle" || $("status")?.dataset.run === "1";
    while (!settled()) {
      if (performance.now() - started > 20_000) throw new Error("the page did not settle");
      if ($("status")?.dataset.state === "ready") $("run")?.click(); // output in every pane
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const root = doc.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  }, framed);
}

/**
 * Loads `url` in a `width` px iframe of a same-origin document (the static server's 404 page): its
 * layout sees a viewport that wide, for an engine whose window cannot be made that narrow.
 */
async function framed(page: EnginePage, url: string, width: number, height: number) {
  await page.evaluate(
    async ({ url, width, height }) => {
      const frame = document.createElement("iframe");
      frame.src = url;
      frame.width = String(width);
      frame.height = String(height);
      frame.style.border = "0";
      frame.style.display = "block";
      document.body.style.margin = "0";
      document.body.replaceChildren(frame);
      await new Promise((resolve) => frame.addEventListener("load", resolve));
    },
    { url, width, height },
  );
}

async function attachScreenshot(page: EnginePage, name: string): Promise<void> {
  await test
    .info()
    .attach(name, { body: Buffer.from(await page.screenshot()), contentType: "image/png" });
}

for (const name of ENGINES) {
  test.describe(name, () => {
    // In order, in one worker: one browser per engine (WebKitGTK's session has one window).
    test.describe.configure({ mode: "default" });

    let engine: Engine;
    let page: EnginePage | undefined;
    test.beforeAll(async () => {
      engine = await launch(name satisfies EngineName);
      console.log(`${name}: ${engine.version}`);
    });
    test.afterAll(async () => {
      await engine?.close();
    });
    // Each cell starts from a fresh page with nothing in localStorage (which keeps the code, the
    // services and the sheet's cells), as for a new visitor.
    test.afterEach(async () => {
      await page?.evaluate(async () => localStorage.clear(), null);
      await page?.close();
      page = undefined;
    });

    /** Opens `path` of `origin` at the desktop size once `ready` holds. */
    async function open(path: string, ready = READY, origin = STATIC): Promise<EnginePage> {
      await page?.close();
      page = await engine.open(`${origin}${path}`, ready);
      await page.setViewport(DESKTOP.width, DESKTOP.height);
      return page;
    }

    test("edit and run: typed code, Ctrl+Enter, the result; an error marks its line", async () => {
      const p = await open("");
      expect(await p.evaluate(async () => globalThis.crossOriginIsolated, null)).toBe(false);
      await typeInto(p, "editor", [
        "words = %w[kobako runs ruby]",
        "puts words.map(&:upcase).join(' ')",
        "6 * 7",
      ]);
      const ok = await runWithShortcut(p);
      expect(ok.code).toBe(
        "words = %w[kobako runs ruby]\nputs words.map(&:upcase).join(' ')\n6 * 7",
      );
      expect(ok).toMatchObject({ state: "ok", result: "42", stdout: "KOBAKO RUNS RUBY\n" });
      expect(ok.status).toMatch(/^Finished after/);

      await typeInto(p, "editor", ["x = 1", "raise ArgumentError, 'bad input'"]);
      const raised = await runWithShortcut(p);
      expect(raised).toMatchObject({
        state: "error",
        errorClass: "ArgumentError",
        errorMessage: "bad input",
        errorLine: 2,
      });
      await attachScreenshot(p, `${name}-playground-error.png`);
    });

    test("Stop ends a runaway script; the page stays responsive, nothing moves, the next run works", async () => {
      const p = await open("");
      await typeInto(p, "editor", ["n = 0", "loop { n += 1 }"]);
      const { run } = await shown(p);
      const before = await boxes(p);
      await p.click(byTestId("run"));
      await until(
        p,
        "the running state",
        async () => {
          const status = document.querySelector('[data-testid="status"]') as HTMLElement;
          return status.dataset.state === "running";
        },
        null,
      );
      // The page's own timer keeps firing while the guest loops in its worker (about 25 times; a
      // loaded machine may let an engine fire it only a few times).
      const ticks = await p.evaluate(async () => {
        let n = 0;
        const timer = setInterval(() => n++, 20);
        await new Promise((resolve) => setTimeout(resolve, 500));
        clearInterval(timer);
        return n;
      }, null);
      expect(ticks).toBeGreaterThanOrEqual(2);
      expect((await shown(p)).state).toBe("running");
      expect(await boxes(p)).toEqual(before); // no layout shift while running
      await p.click(byTestId("stop"));
      const stopped = await finished(p, run);
      expect(stopped.state).toBe("error");
      expect(stopped.status).toMatch(/^Stopped after/);
      expect(stopped.memoryPeak).toBe("—"); // the terminated worker's figure is lost, not 0 B

      await typeInto(p, "editor", ["[1, :two, 2**62]"]);
      const after = await runWithShortcut(p);
      expect(after).toMatchObject({ state: "ok", result: "[1, :two, 4611686018427387904]" });
    });

    /** Copy link, then the link opened afresh: the code, the services, the result. */
    async function shareRoundTrip(
      p: EnginePage,
      expected: string,
      services: boolean,
    ): Promise<Shown> {
      const first = await runWithButton(p);
      expect(first).toMatchObject({ result: expected, errorClass: "", errorMessage: "" });
      await p.click(byTestId("copy-link"));
      await until(
        p,
        "the link",
        async () => {
          const status = document.querySelector('[data-testid="share-status"]') as HTMLElement;
          return /Link copied|Copy the link/.test(status.textContent ?? "");
        },
        null,
      );
      const copied = await shown(p);
      // Copied to the clipboard where the engine allows it, else shown to copy by hand; in the
      // address bar either way.
      expect(copied.href).toMatch(/#v1\./);
      if (copied.shareUrl) expect(copied.shareUrl).toBe(copied.href);
      const url = copied.href;
      await p.evaluate(async () => localStorage.clear(), null);
      const opened = await open(url.slice(STATIC.length));
      const restored = await shown(opened);
      expect(restored.code).toBe(first.code);
      // The default services are too long for CodeMirror to render whole; that they came back is
      // said by the trust warning staying hidden (shown for any other services).
      if (services) expect(restored.services).toBe(first.services);
      return restored;
    }

    test("share link round trip: the same code, the same result", async () => {
      const p = await open("");
      await typeInto(p, "editor", ["(1..5).map { |i| i * i }.sum"]);
      const restored = await shareRoundTrip(p, "55", false);
      expect(restored.servicesWarning).toBe(false); // the page's own services came with it
      expect(await runWithButton(page as EnginePage)).toMatchObject({ state: "ok", result: "55" });
    });

    test("share link round trip with edited services: the same services, the same result", async () => {
      const p = await open("");
      await typeInto(p, "services-editor", [
        "return { Shop: { Price: (item) => item.length * 2 } };",
      ]);
      await typeInto(p, "editor", ['Shop::Price.call("kiwi")']);
      const restored = await shareRoundTrip(p, "8", true);
      // Someone else's JavaScript: it runs only once trusted.
      expect(restored.servicesWarning).toBe(true);
      const opened = page as EnginePage;
      await opened.click(byTestId("services-trust"));
      expect(await runWithButton(opened)).toMatchObject({ state: "ok", result: "8" });
    });

    test("a service example (sync, keyword arguments)", async () => {
      const p = await open("");
      await pickExample(p, "services-kwargs");
      const outcome = await runWithShortcut(p);
      expect(outcome).toMatchObject({
        state: "ok",
        result: '{"subtotal" => 12.4, "tax" => 2.48, "total" => 14.88}',
      });
    });

    test("the formula sheet recomputes a dependent cell after an edit", async () => {
      const p = await open("sheet.html", SHEET_READY);
      const value = (ref: string) =>
        p.evaluate(
          async (id) => (document.getElementById(`cell-${id}`) as HTMLInputElement).value,
          ref,
        );
      expect(await value("D2")).toBe("6");
      await p.click(byTestId("cell-C2"));
      await p.type("20"); // the cell's text is selected on focus: typing replaces it
      await p.press("Enter");
      await until(
        p,
        "the recomputation",
        async () => {
          const status = document.querySelector('[data-testid="sheet-status"]') as HTMLElement;
          return (
            status.dataset.state === "idle" &&
            /recomputed 6 formulas/.test(status.textContent ?? "")
          );
        },
        null,
      );
      await attachScreenshot(p, `${name}-sheet.png`);
      expect(await value("C2")).toBe("20");
      expect(await value("D2")).toBe("10");
      expect(await value("D8")).toBe("36");
    });

    test(`at a phone's width (${PHONE.width} px) nothing scrolls sideways`, async () => {
      for (const path of ["", "sheet.html"]) {
        let p = await open(path, "true");
        // MiniBrowser's window is no narrower than its toolbar (447 CSS px): WebKitGTK gets the
        // page in an iframe of a phone's width instead.
        const inFrame = await p.setViewport(PHONE.width, PHONE.height).then(
          () => false,
          () => true,
        );
        if (inFrame) {
          p = await open("phone-frame", "true"); // a 404: any same-origin document will do
          await framed(p, `${STATIC}${path}`, PHONE.width, PHONE.height);
        }
        const { scrollWidth, clientWidth } = await settledWidths(p, inFrame);
        // The whole width, less a vertical scrollbar where the engine draws one (Firefox).
        expect(clientWidth).toBeLessThanOrEqual(PHONE.width);
        expect(clientWidth).toBeGreaterThan(PHONE.width - 20);
        expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
        await attachScreenshot(p, `${name}-${path ? "sheet" : "playground"}-phone.png`);
      }
    });

    test("a cross-origin isolated page (COOP/COEP) runs too", async () => {
      const p = await open("", READY, ISOLATED);
      expect(await p.evaluate(async () => globalThis.crossOriginIsolated, null)).toBe(true);
      await typeInto(p, "editor", ['puts "hi"; 1 + 2']);
      expect(await runWithShortcut(p)).toMatchObject({ state: "ok", result: "3", stdout: "hi\n" });
    });
  });
}
