// Three engines behind one small interface, each from Debian's packages (e2e/install-browser.sh):
// Chromium through playwright-core, Firefox ESR through puppeteer-core over WebDriver BiDi, and
// WebKitGTK (JavaScriptCore, Safari's engine) through selenium-webdriver driving WebKitWebDriver,
// which starts MiniBrowser under xvfb-run (it has no headless mode). Used by the browser package's
// engine tests (evaluate) and the playground's e2e (clicks, keys, viewport, screenshots).
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { chromium } from "playwright-core";
import puppeteer from "puppeteer-core";
import { Builder, By, Key, type WebDriver } from "selenium-webdriver";

export type EngineName = "chromium" | "firefox" | "webkit";
export const ENGINES: readonly EngineName[] = ["chromium", "firefox", "webkit"];

/** A key held down while another is pressed. */
export type Modifier = "Control" | "Shift";

/**
 * A tab: runs a function in the page (its argument and result JSON data), and acts as a user
 * would, through the engine's own input events (trusted clicks and key presses, not
 * `dispatchEvent`), and closes.
 */
export interface EnginePage {
  evaluate<A, R>(fn: (arg: A) => Promise<R>, arg: A): Promise<R>;
  /** Clicks the middle of the first element matching the CSS `selector`. */
  click(selector: string): Promise<void>;
  /** Types `text` into the focused element, one key at a time. */
  type(text: string): Promise<void>;
  /** Presses `key` (a `KeyboardEvent.key`: "Enter", "Escape", "a") with `modifiers` held. */
  press(key: string, modifiers?: readonly Modifier[]): Promise<void>;
  /** Makes the page's layout viewport `width` × `height` CSS pixels. */
  setViewport(width: number, height: number): Promise<void>;
  /** A PNG of the viewport. */
  screenshot(): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A running browser. */
export interface Engine {
  readonly name: EngineName;
  readonly version: string;
  /** Opens `url` and waits until the expression `ready` holds in the page. */
  open(url: string, ready?: string): Promise<EnginePage>;
  close(): Promise<void>;
}

const READY = 'document.title === "ready"';

export const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

export function launch(name: EngineName): Promise<Engine> {
  if (name === "chromium") return launchChromium();
  if (name === "firefox") return launchFirefox();
  return launchWebKit();
}

/** What a Playwright and a puppeteer tab have in common. */
interface Tab {
  goto(url: string): Promise<unknown>;
  waitForFunction(expression: string): Promise<unknown>;
  evaluate(fn: never, arg: never): Promise<unknown>;
  click(selector: string): Promise<void>;
  keyboard: {
    type(text: string): Promise<void>;
    down(key: string): Promise<void>;
    press(key: string): Promise<void>;
    up(key: string): Promise<void>;
  };
  screenshot(): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * Opens `url` in `tab` once the expression `ready` holds there. The two libraries differ only in
 * how a viewport is set, which `setViewport` does.
 */
async function openTab(
  tab: Tab,
  url: string,
  ready: string,
  setViewport: (width: number, height: number) => Promise<void>,
): Promise<EnginePage> {
  await tab.goto(url);
  await tab.waitForFunction(ready);
  return {
    evaluate: (fn, arg) => tab.evaluate(fn as never, arg as never) as never,
    click: (selector) => tab.click(selector),
    type: (text) => tab.keyboard.type(text),
    async press(key, modifiers = []) {
      for (const modifier of modifiers) await tab.keyboard.down(modifier);
      await tab.keyboard.press(key);
      for (const modifier of [...modifiers].reverse()) await tab.keyboard.up(modifier);
    },
    setViewport,
    screenshot: () => tab.screenshot(),
    close: () => tab.close(),
  };
}

async function launchChromium(): Promise<Engine> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  return {
    name: "chromium",
    version: `Chromium ${browser.version()}`,
    async open(url, ready = READY) {
      const tab = await browser.newPage();
      return openTab(tab, url, ready, (width, height) => tab.setViewportSize({ width, height }));
    },
    close: () => browser.close(),
  };
}

async function launchFirefox(): Promise<Engine> {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr",
    headless: true,
  });
  return {
    name: "firefox",
    version: `Firefox ${(await browser.version()).replace(/^firefox\//, "")}`,
    async open(url, ready = READY) {
      const tab = await browser.newPage();
      return openTab(tab as unknown as Tab, url, ready, (width, height) =>
        tab.setViewport({ width, height }),
      );
    },
    close: () => browser.close(),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitForDriver(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${url}/status`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not start: ${output()}`);
}

/**
 * The body WebDriver runs in the page: the function's source inlined (no eval, which a page's
 * Content-Security-Policy may forbid), its argument as JSON, the result back through the
 * async-script callback as `{ ok, value }` or `{ ok: false, error }`.
 */
function asyncScript(source: string): string {
  return `
const done = arguments[arguments.length - 1];
const fn = (${source});
const arg = JSON.parse(arguments[0]);
Promise.resolve()
  .then(() => fn(arg))
  .then(
    (value) => done({ ok: true, value: JSON.stringify(value === undefined ? null : value) }),
    (error) => done({ ok: false, error: String((error && error.stack) || error) }),
  );`;
}

/** WebDriver's code for a `KeyboardEvent.key` name (a printable key is itself). */
function webDriverKey(key: string): string {
  const named: Record<string, string> = {
    Control: Key.CONTROL,
    Shift: Key.SHIFT,
    Enter: Key.ENTER,
    Escape: Key.ESCAPE,
    Tab: Key.TAB,
    Backspace: Key.BACK_SPACE,
    Delete: Key.DELETE,
    ArrowUp: Key.ARROW_UP,
    ArrowDown: Key.ARROW_DOWN,
    ArrowLeft: Key.ARROW_LEFT,
    ArrowRight: Key.ARROW_RIGHT,
  };
  return named[key] ?? key;
}

async function launchWebKit(): Promise<Engine> {
  const port = await freePort();
  // A process group of its own: xvfb-run, Xvfb, the driver and MiniBrowser end together.
  const child = spawn(
    "xvfb-run",
    ["-a", "-s", "-screen 0 1280x1024x24", "/usr/bin/WebKitWebDriver", `--port=${port}`],
    { detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const kill = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  const server = `http://127.0.0.1:${port}`;
  let driver: WebDriver;
  try {
    await waitForDriver(server, child, () => output);
    driver = await new Builder()
      .usingServer(server)
      .withCapabilities({
        browserName: "MiniBrowser",
        "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
      })
      .build();
  } catch (error) {
    kill();
    throw error;
  }
  await driver.manage().setTimeouts({ script: 120_000, pageLoad: 30_000 });
  const agent = (await driver.executeScript("return navigator.userAgent")) as string;
  const version = /Version\/(\S+)/.exec(agent)?.[1] ?? agent;
  // One window, one page at a time: WebKitWebDriver's MiniBrowser session has a single window.
  return {
    name: "webkit",
    version: `WebKitGTK (Safari ${version})`,
    async open(url, ready = READY) {
      await driver.get(url);
      const deadline = Date.now() + 30_000;
      while ((await driver.executeScript(`return ${ready}`)) !== true) {
        if (Date.now() > deadline) throw new Error(`${url} did not get ready`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return {
        async evaluate(fn, arg) {
          const result = (await driver.executeAsyncScript(
            asyncScript(fn.toString()),
            JSON.stringify(arg ?? null),
          )) as { ok: boolean; value?: string; error?: string };
          if (!result.ok) throw new Error(`in WebKit: ${result.error}`);
          return JSON.parse(result.value ?? "null");
        },
        async click(selector) {
          await driver.findElement(By.css(selector)).click();
        },
        async type(text) {
          await driver.actions().sendKeys(text).perform();
        },
        async press(key, modifiers = []) {
          const keys = modifiers.map(webDriverKey);
          let actions = driver.actions();
          for (const modifier of keys) actions = actions.keyDown(modifier);
          actions = actions.sendKeys(webDriverKey(key));
          for (const modifier of keys.reverse()) actions = actions.keyUp(modifier);
          await actions.perform();
        },
        async setViewport(width, height) {
          // WebDriver sizes the window; what the toolbar and borders take is added to it.
          const inner = async () =>
            (await driver.executeScript("return [innerWidth, innerHeight]")) as [number, number];
          const rect = await driver.manage().window().getRect();
          const [w, h] = await inner();
          await driver
            .manage()
            .window()
            .setRect({ width: width + rect.width - w, height: height + rect.height - h });
          const [w2, h2] = await inner();
          if (w2 !== width || h2 !== height) {
            throw new Error(`the viewport is ${w2}×${h2}, not ${width}×${height}`);
          }
        },
        async screenshot() {
          return Buffer.from(await driver.takeScreenshot(), "base64");
        },
        close: async () => {
          await driver.get("about:blank");
        },
      };
    },
    async close() {
      try {
        await driver.quit();
      } finally {
        kill();
      }
    },
  };
}
