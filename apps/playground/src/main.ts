import "./style.css";
import { Sandbox, type SandboxOptions } from "@kobako/browser";
import { attachEditor } from "./editor.js";
import { describeError } from "./errors.js";
import { EXAMPLES } from "./examples.js";
import { formatBytes, formatMs } from "./format.js";
import { inspect } from "./inspect.js";

// Short enough that a runaway loop ends on its own; Stop ends it sooner.
const TIMEOUT_MS = 10_000;
const SANDBOX_OPTIONS: SandboxOptions = { timeout: TIMEOUT_MS };
const STORAGE_KEY = "kobako-playground:source";
/** How long Stop waits for the aborted call to settle before it throws the worker away. */
const STOP_GRACE_MS = 1_000;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el as T;
}

const ui = {
  editor: byId<HTMLTextAreaElement>("editor"),
  examples: byId<HTMLSelectElement>("examples"),
  run: byId<HTMLButtonElement>("run"),
  stop: byId<HTMLButtonElement>("stop"),
  output: byId<HTMLElement>("output"),
  status: byId<HTMLElement>("status"),
  result: byId<HTMLElement>("result"),
  stdout: byId<HTMLElement>("stdout"),
  stdoutTruncated: byId<HTMLElement>("stdout-truncated"),
  stderr: byId<HTMLElement>("stderr"),
  stderrTruncated: byId<HTMLElement>("stderr-truncated"),
  errorPane: byId<HTMLElement>("error-pane"),
  errorKind: byId<HTMLElement>("error-kind"),
  errorClass: byId<HTMLElement>("error-class"),
  errorColon: byId<HTMLElement>("error-colon"),
  errorMessage: byId<HTMLElement>("error-message"),
  errorBacktrace: byId<HTMLOListElement>("error-backtrace"),
  wallTime: byId<HTMLElement>("usage-wall-time"),
  memoryPeak: byId<HTMLElement>("usage-memory-peak"),
  roundTrip: byId<HTMLElement>("usage-round-trip"),
  limits: byId<HTMLElement>("limits"),
  isolation: byId<HTMLElement>("isolation"),
};

type State = "starting" | "ready" | "running" | "ok" | "error";

let sandbox: Sandbox | undefined;
let running: { controller: AbortController } | undefined;
let runCount = 0;

function getSandbox(): Sandbox {
  sandbox ??= new Sandbox(SANDBOX_OPTIONS);
  return sandbox;
}

function setStatus(state: State, text: string): void {
  ui.status.dataset.state = state;
  ui.status.textContent = text;
}

function clearOutput(): void {
  ui.result.textContent = "";
  ui.stdout.textContent = "";
  ui.stderr.textContent = "";
  ui.stdoutTruncated.hidden = true;
  ui.stderrTruncated.hidden = true;
  ui.errorPane.hidden = true;
  ui.errorKind.textContent = "";
  ui.errorClass.textContent = "";
  ui.errorMessage.textContent = "";
  ui.errorBacktrace.replaceChildren();
  ui.wallTime.textContent = "—";
  ui.memoryPeak.textContent = "—";
  ui.roundTrip.textContent = "—";
}

function showError(error: unknown): void {
  const info = describeError(error);
  ui.errorKind.textContent = info.kind;
  ui.errorKind.hidden = info.kind === info.klass; // e.g. AbortError: say it once
  ui.errorClass.textContent = info.klass;
  ui.errorColon.hidden = info.message === "";
  ui.errorMessage.textContent = info.message;
  ui.errorBacktrace.replaceChildren(
    ...info.backtrace.map((line) => {
      const li = document.createElement("li");
      li.textContent = line;
      return li;
    }),
  );
  ui.errorPane.hidden = false;
}

/**
 * Copies what the sandbox reports about the invocation that just ended (any outcome has it) and
 * returns its wall time.
 */
function showCaptured(box: Sandbox, roundTrip: number): number | undefined {
  ui.roundTrip.textContent = formatMs(roundTrip);
  try {
    ui.stdout.textContent = box.stdout;
    ui.stderr.textContent = box.stderr;
    ui.stdoutTruncated.hidden = !box.stdoutTruncated;
    ui.stderrTruncated.hidden = !box.stderrTruncated;
    const usage = box.usage;
    ui.wallTime.textContent = formatMs(usage.wallTime);
    ui.memoryPeak.textContent = formatBytes(usage.memoryPeak);
    return usage.wallTime;
  } catch {
    // A sandbox closed by Stop has nothing to report.
    return undefined;
  }
}

async function run(): Promise<void> {
  if (running) return;
  const source = ui.editor.value;
  const controller = new AbortController();
  running = { controller };
  let box: Sandbox | undefined;

  clearOutput();
  setStatus("running", "Running…");
  ui.output.setAttribute("aria-busy", "true");
  ui.run.disabled = true;
  ui.stop.disabled = false;

  const started = performance.now();
  let state: State = "ok";
  let summary = "";
  try {
    box = getSandbox();
    const value = await box.eval(source, { signal: controller.signal });
    ui.result.textContent = inspect(value);
    summary = "Finished";
  } catch (error) {
    state = "error";
    showError(error);
    summary = controller.signal.aborted ? "Stopped" : `Failed with ${describeError(error).klass}`;
  } finally {
    // The page's round trip also counts the browser's own scheduling (a rendering frame after a
    // click, say), so the status names the sandbox's wall time where it has one.
    const roundTrip = performance.now() - started;
    const wallTime = box ? showCaptured(box, roundTrip) : undefined;
    runCount += 1;
    ui.status.dataset.run = String(runCount);
    setStatus(state, `${summary} after ${formatMs(wallTime ?? roundTrip)}.`);
    ui.output.setAttribute("aria-busy", "false");
    ui.run.disabled = false;
    ui.stop.disabled = true;
    running = undefined;
  }
}

function stop(): void {
  const current = running;
  if (!current) return;
  current.controller.abort(new DOMException("Stopped by the user.", "AbortError"));
  // Backstop in case the call does not settle on abort: drop the worker, start afresh next run.
  const box = sandbox;
  setTimeout(() => {
    if (running === current && sandbox === box) {
      sandbox = undefined;
      void box?.close().catch(() => {});
    }
  }, STOP_GRACE_MS);
}

function loadExample(id: string): void {
  const example = EXAMPLES.find((e) => e.id === id);
  if (!example) return;
  ui.editor.value = example.source;
  localStorage.removeItem(STORAGE_KEY);
}

function init(): void {
  const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
  if (isMac) {
    for (const id of ["run-shortcut", "help-shortcut"]) byId(id).textContent = "⌘+Enter";
  }

  const custom = new Option("Your code", "custom");
  custom.hidden = true;
  ui.examples.append(custom, ...EXAMPLES.map((e) => new Option(e.title, e.id)));

  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved !== null) {
    ui.editor.value = saved;
    ui.examples.value = "custom";
  } else {
    ui.examples.value = EXAMPLES[0]?.id ?? "";
    loadExample(ui.examples.value);
  }

  ui.examples.addEventListener("change", () => {
    loadExample(ui.examples.value);
    ui.editor.focus();
  });
  ui.editor.addEventListener("input", () => {
    ui.examples.value = "custom";
    localStorage.setItem(STORAGE_KEY, ui.editor.value);
  });
  attachEditor(ui.editor, { onRun: () => void run() });
  ui.run.addEventListener("click", () => void run());
  ui.stop.addEventListener("click", stop);

  ui.limits.textContent = `timeout ${TIMEOUT_MS / 1000} s per run`;
  ui.isolation.textContent = globalThis.crossOriginIsolated ? "yes" : "no";

  // Start the worker and compile the wasm while the reader looks at the page.
  Promise.resolve()
    .then(() => getSandbox().eval("nil"))
    .then(
      () => {
        if (!running) setStatus("ready", "Ready.");
      },
      (error: unknown) => {
        if (running) return;
        const info = describeError(error);
        setStatus("error", `The sandbox failed to start: ${info.klass}: ${info.message}`);
      },
    );
}

init();
