import { expect, test } from "@playwright/test";
import { DEFAULT_SERVICES } from "../../apps/playground/src/services.js";
import { encodeShare } from "../../apps/playground/src/share.js";
// The drivers of the browser package's engine tests (puppeteer-core for Firefox ESR over
// WebDriver BiDi, selenium-webdriver for WebKitGTK): Playwright drives only its own builds.
import {
  type Engine,
  type EngineName,
  type EnginePage,
  launch,
} from "../../packages/browser/test/engines/drivers.js";
import { ISOLATED_PORT, PREVIEW_PORT } from "../ports.js";

// The playground's production bundle (the `preview` server, and the same files with COOP/COEP)
// in Firefox ESR and WebKitGTK. Chromium runs playground.spec.ts in the other projects.
const PAGES = {
  plain: `http://127.0.0.1:${PREVIEW_PORT}/`,
  isolated: `http://127.0.0.1:${ISOLATED_PORT}/`,
} as const;

const READY = `document.querySelector('[data-testid="status"]')?.dataset.state === "ready"`;

/** What the playground shows after a run. */
interface Shown {
  state: string | undefined;
  status: string;
  result: string;
  stdout: string;
  errorKind: string;
  errorClass: string;
  errorMessage: string;
}

/**
 * Runs `source` as a user would (a share link puts it in the editor — these drivers cannot type
 * into CodeMirror portably — then the Run button) and reports what the page shows; with
 * `stopAfter`, clicks Stop that many ms after Run.
 */
async function run(page: EnginePage, source: string, stopAfter?: number): Promise<Shown> {
  const fragment = await encodeShare({ code: source, services: DEFAULT_SERVICES });
  return page.evaluate(
    async ({ source, fragment, stopAfter }) => {
      const $ = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement;
      const until = async (ok: () => boolean) => {
        const started = performance.now();
        while (!ok()) {
          if (performance.now() - started > 30_000) throw new Error("the run did not finish");
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      const status = $("status");
      const before = Number(status.dataset.run);
      location.hash = fragment;
      const content = () => $("editor").textContent ?? ""; // CodeMirror's content element
      await until(() => content() === source.replace(/\n/g, ""));
      $("run").click();
      if (stopAfter !== null) {
        await new Promise((resolve) => setTimeout(resolve, stopAfter));
        $("stop").click();
      }
      await until(() => Number(status.dataset.run) === before + 1);
      return {
        state: status.dataset.state,
        status: status.textContent ?? "",
        result: $("result").textContent ?? "",
        stdout: $("stdout").textContent ?? "",
        errorKind: $("error-kind").textContent ?? "",
        errorClass: $("error-class").textContent ?? "",
        errorMessage: $("error-message").textContent ?? "",
      };
    },
    { source, fragment, stopAfter: stopAfter ?? null },
  );
}

for (const name of ["firefox", "webkit"] as const satisfies readonly EngineName[]) {
  test.describe(name, () => {
    test.describe.configure({ mode: "serial" });
    let engine: Engine;
    test.beforeAll(async () => {
      engine = await launch(name);
    });
    test.afterAll(async () => {
      await engine?.close();
    });

    for (const [mode, url] of Object.entries(PAGES)) {
      test(`${mode} page: result, stdout, raise with its class, Stop`, async () => {
        const page = await engine.open(url, READY);
        try {
          const isolated = await page.evaluate(async () => globalThis.crossOriginIsolated, null);
          expect(isolated).toBe(mode === "isolated");

          const ok = await run(page, 'puts "hi"; 1 + 2');
          expect(ok).toMatchObject({ state: "ok", result: "3", stdout: "hi\n", errorClass: "" });

          const raised = await run(page, 'def boom\n  raise ArgumentError, "bad input"\nend\nboom');
          expect(raised).toMatchObject({
            state: "error",
            errorKind: "SandboxError",
            errorClass: "ArgumentError",
            errorMessage: "bad input",
          });

          const stopped = await run(page, "loop {}", 300);
          expect(stopped.state).toBe("error");
          expect(stopped.status).toMatch(/Stopped/);

          const after = await run(page, "[1, :two, 2**62]");
          expect(after).toMatchObject({ state: "ok", result: "[1, :two, 4611686018427387904]" });
        } finally {
          await page.close();
        }
      });
    }
  });
}
