import "./style.css";
import { Sandbox, type SandboxOptions } from "@kobako/browser";
import { type CodeEditor, createEditor } from "./editor.js";
import { describeError } from "./errors.js";
import { EXAMPLES } from "./examples.js";
import { formatBytes, formatMs } from "./format.js";
import { type Outcome, showOutcome } from "./output.js";
import { byId, showShortcuts, storage } from "./page.js";
import {
  bindServices,
  DEFAULT_SERVICES,
  loadServices,
  ServicesError,
  serviceNames,
} from "./services.js";
import { decodeShare, encodeShare } from "./share.js";

// Short enough that a runaway loop ends on its own; Stop ends it sooner.
const TIMEOUT_MS = 10_000;
/** Small enough that the "truncated" flag is easy to see (the library's default is 1 MiB). */
const OUTPUT_LIMIT = 64 << 10;
const SANDBOX_OPTIONS: SandboxOptions = {
  timeout: TIMEOUT_MS,
  stdoutLimit: OUTPUT_LIMIT,
  stderrLimit: OUTPUT_LIMIT,
};
const STORAGE = { code: "kobako-playground:source", services: "kobako-playground:services" };
/** How long Stop waits for the aborted call to settle before it throws the worker away. */
const STOP_GRACE_MS = 1_000;

const ui = {
  examples: byId<HTMLSelectElement>("examples"),
  run: byId<HTMLButtonElement>("run"),
  stop: byId<HTMLButtonElement>("stop"),
  copyLink: byId<HTMLButtonElement>("copy-link"),
  shareStatus: byId<HTMLElement>("share-status"),
  shareUrl: byId<HTMLInputElement>("share-url"),
  servicesPanel: byId<HTMLDetailsElement>("services-panel"),
  servicesNames: byId<HTMLElement>("services-names"),
  servicesReset: byId<HTMLButtonElement>("services-reset"),
  servicesWarning: byId<HTMLElement>("services-warning"),
  servicesTrust: byId<HTMLButtonElement>("services-trust"),
  output: byId<HTMLElement>("output"),
  status: byId<HTMLElement>("status"),
  limits: byId<HTMLElement>("limits"),
  isolation: byId<HTMLElement>("isolation"),
};

type State = "starting" | "ready" | "running" | "ok" | "error";

let editor: CodeEditor;
let servicesEditor: CodeEditor;
/** The sandbox with the services of `services` bound; rebuilt when they change (binding seals). */
let current: { sandbox: Sandbox; services: string } | undefined;
let running: { controller: AbortController } | undefined;
/**
 * Services that arrived with a share link are someone else's JavaScript: they would run in this
 * page, outside the sandbox, so they stay unloaded until the user says they trust them.
 */
let servicesTrusted = true;
let runCount = 0;

/** The sandbox for the services in the panel now. Throws ServicesError if they do not load. */
function getSandbox(): Sandbox {
  const services = servicesEditor.text;
  if (current?.services === services) return current.sandbox;
  if (!servicesTrusted) {
    ui.servicesPanel.open = true;
    throw new ServicesError(
      "the services came with a link: read them, then press “Trust these services” to run them",
    );
  }
  const map = loadServices(services);
  const sandbox = new Sandbox(SANDBOX_OPTIONS);
  bindServices(sandbox, map);
  void current?.sandbox.close().catch(() => {});
  current = { sandbox, services };
  const names = serviceNames(map);
  ui.servicesNames.textContent = names.length ? names.join(", ") : "none bound";
  return sandbox;
}

function setStatus(state: State, text: string): void {
  ui.status.dataset.state = state;
  ui.status.textContent = text;
}

async function run(): Promise<void> {
  if (running) return;
  const source = editor.text;
  const controller = new AbortController();
  running = { controller };
  let box: Sandbox | undefined;

  // The previous output stays (dimmed, see style.css) until this run ends: nothing moves.
  editor.markError(undefined);
  setStatus("running", "Running…");
  ui.output.setAttribute("aria-busy", "true");
  ui.run.disabled = true;
  ui.stop.disabled = false;

  const started = performance.now();
  let outcome: Outcome;
  try {
    box = getSandbox();
    outcome = { ok: true, value: await box.eval(source, { signal: controller.signal }) };
  } catch (error) {
    outcome = { ok: false, error };
  }
  try {
    // The page's round trip also counts the browser's own scheduling (a rendering frame after a
    // click, say), so the status names the sandbox's wall time where it has one.
    const roundTrip = performance.now() - started;
    const shown = showOutcome(outcome, box, roundTrip, (line) => editor.goToLine(line));
    editor.markError(shown.mark?.line, shown.mark?.message);
    const summary = outcome.ok
      ? "Finished"
      : controller.signal.aborted
        ? "Stopped"
        : `Failed with ${describeError(outcome.error).klass}`;
    setStatus(
      outcome.ok ? "ok" : "error",
      `${summary} after ${formatMs(shown.wallTime ?? roundTrip)}.`,
    );
  } finally {
    runCount += 1;
    ui.status.dataset.run = String(runCount);
    ui.output.setAttribute("aria-busy", "false");
    ui.run.disabled = false;
    ui.stop.disabled = true;
    running = undefined;
  }
}

function stop(): void {
  const run = running;
  if (!run) return;
  run.controller.abort(new DOMException("Stopped by the user.", "AbortError"));
  // Backstop in case the call does not settle on abort: drop the sandbox, start afresh next run.
  const box = current;
  setTimeout(() => {
    if (running === run && current === box) {
      current = undefined;
      void box?.sandbox.close().catch(() => {});
    }
  }, STOP_GRACE_MS);
}

function loadExample(id: string): void {
  const example = EXAMPLES.find((e) => e.id === id);
  if (!example) return;
  editor.text = example.source;
  if (example.services && servicesEditor.text !== DEFAULT_SERVICES) {
    servicesEditor.text = DEFAULT_SERVICES;
    setTrusted(true); // the page's own services
    storage.remove(STORAGE.services);
  }
  storage.remove(STORAGE.code);
  ui.examples.value = id; // editing the text above set it to "custom"
}

/** Puts the link in the address bar and on the clipboard; shows it to copy by hand otherwise. */
async function copyLink(): Promise<void> {
  const link = encodeShare({ code: editor.text, services: servicesEditor.text }).then(
    (fragment) => {
      const url = new URL(location.href);
      url.hash = fragment;
      return url.href;
    },
  );
  const copied = await copyText(link);
  const href = await link;
  history.replaceState(null, "", href);
  ui.shareUrl.value = href;
  ui.shareUrl.hidden = copied;
  if (copied) {
    ui.shareStatus.textContent = `Link copied (${href.length.toLocaleString("en-US")} characters).`;
  } else {
    // No clipboard (refused, or an engine without the API): the link is in the address bar and
    // in the field, selected for Ctrl+C.
    ui.shareUrl.focus();
    ui.shareUrl.select();
    ui.shareStatus.textContent = "Copy the link below (it is also in the address bar).";
  }
}

/**
 * Copies text that is still being computed. Safari allows a clipboard write only within the
 * click, so the write starts at once with a ClipboardItem holding a promise; engines without
 * that get writeText once the text is there.
 */
async function copyText(text: Promise<string>): Promise<boolean> {
  try {
    const blob = text.then((t) => new Blob([t], { type: "text/plain" }));
    await navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]);
    return true;
  } catch {
    try {
      await navigator.clipboard.writeText(await text);
      return true;
    } catch {
      return false;
    }
  }
}

function setTrusted(trusted: boolean): void {
  servicesTrusted = trusted;
  ui.servicesWarning.hidden = trusted;
  if (!trusted) ui.servicesNames.textContent = "not loaded: they came with a link";
  if (!trusted) ui.servicesPanel.open = true;
}

/** Once the code differs from the link it came from, the fragment no longer describes it. */
function forgetLink(): void {
  if (location.hash) history.replaceState(null, "", location.pathname + location.search);
  ui.shareStatus.textContent = "";
  ui.shareUrl.hidden = true;
}

async function restoreFromLink(): Promise<boolean> {
  const shared = await decodeShare(location.hash);
  if (!shared) return false;
  editor.text = shared.code;
  servicesEditor.text = shared.services;
  setTrusted(shared.services === DEFAULT_SERVICES || shared.services === current?.services);
  ui.examples.value = "custom";
  ui.shareStatus.textContent = "Opened a shared link.";
  return true;
}

/**
 * Starts the worker, compiles the wasm and warms the guest up while the reader looks at the page
 * (`prepare()`): with the services where they are trusted and load (so the panel lists them),
 * else with a bare sandbox, which gets the shared pool ready just as well.
 */
async function warmUp(): Promise<void> {
  if (servicesTrusted) {
    try {
      await getSandbox().prepare();
      return;
    } catch (error) {
      if (!(error instanceof ServicesError)) throw error;
      ui.servicesNames.textContent = `not loaded: ${error.message}`;
    }
  }
  const sandbox = new Sandbox(SANDBOX_OPTIONS);
  try {
    await sandbox.prepare();
  } finally {
    await sandbox.close();
  }
}

async function init(): Promise<void> {
  showShortcuts();
  const custom = new Option("Your code", "custom");
  custom.hidden = true;
  const services = document.createElement("optgroup");
  services.label = "Services";
  services.append(...EXAMPLES.filter((e) => e.services).map((e) => new Option(e.title, e.id)));
  const plain = EXAMPLES.filter((e) => !e.services).map((e) => new Option(e.title, e.id));
  ui.examples.append(custom, ...plain, services);

  let restoring = true; // edits made by the page itself are not the user's
  const onCodeChange = () => {
    if (restoring) return;
    ui.examples.value = "custom";
    storage.set(STORAGE.code, editor.text);
    forgetLink();
  };
  const onServicesChange = () => {
    if (restoring) return;
    // Not saved while untrusted: what is in localStorage is taken to be the user's own.
    if (servicesTrusted) storage.set(STORAGE.services, servicesEditor.text);
    forgetLink();
  };
  const runNow = () => void run();
  editor = createEditor({
    parent: byId("editor-host"),
    language: "ruby",
    doc: "",
    label: "Ruby source code",
    testId: "editor",
    onRun: runNow,
    onChange: onCodeChange,
  });
  servicesEditor = createEditor({
    parent: byId("services-host"),
    language: "javascript",
    doc: storage.get(STORAGE.services) ?? DEFAULT_SERVICES,
    label: "JavaScript services",
    testId: "services-editor",
    wrap: true,
    onRun: runNow,
    onChange: onServicesChange,
  });

  if (!(await restoreFromLink())) {
    const saved = storage.get(STORAGE.code);
    if (saved !== null) {
      editor.text = saved;
      ui.examples.value = "custom";
    } else {
      loadExample(EXAMPLES[0]?.id ?? "");
    }
  }
  restoring = false;

  window.addEventListener("hashchange", () => {
    restoring = true;
    void restoreFromLink().finally(() => {
      restoring = false;
    });
  });
  ui.examples.addEventListener("change", () => {
    restoring = true;
    loadExample(ui.examples.value);
    restoring = false;
    forgetLink();
    editor.view.focus();
  });
  ui.servicesReset.addEventListener("click", () => {
    setTrusted(true); // first, so that the change below is saved as the user's own
    servicesEditor.text = DEFAULT_SERVICES;
  });
  ui.servicesTrust.addEventListener("click", () => {
    setTrusted(true);
    storage.set(STORAGE.services, servicesEditor.text);
  });
  ui.run.addEventListener("click", runNow);
  ui.stop.addEventListener("click", stop);
  ui.copyLink.addEventListener("click", () => void copyLink());

  ui.limits.textContent = `timeout ${TIMEOUT_MS / 1000} s per run, stdout and stderr ${formatBytes(OUTPUT_LIMIT)} each`;
  ui.isolation.textContent = globalThis.crossOriginIsolated ? "yes" : "no";

  // The warm-up reports only while the page still says it is starting: a run that began (or
  // already ended) before it resolved has put its own status there.
  const starting = () => ui.status.dataset.state === "starting";
  warmUp().then(
    () => {
      if (starting()) setStatus("ready", "Ready.");
    },
    (error: unknown) => {
      if (!starting()) return;
      const info = describeError(error);
      setStatus("error", `The sandbox failed to start: ${info.klass}: ${info.message}`);
    },
  );
}

void init();
