/**
 * The playground's output column: the result in Ruby's inspect form, the error (class, message,
 * backtrace), stdout and stderr with their truncation flags, and usage. It is filled in only when
 * a run has ended, so the previous output stays in place (dimmed) while the next one runs.
 */
import { type Sandbox, TimeoutError } from "@kobako/browser";
import { errorLine } from "./backtrace.js";
import { describeError } from "./errors.js";
import { formatBytes, formatMs } from "./format.js";
import { inspect } from "./inspect.js";
import { byId } from "./page.js";

const ui = {
  result: byId("result"),
  stdout: byId("stdout"),
  stdoutTruncated: byId("stdout-truncated"),
  stderr: byId("stderr"),
  stderrTruncated: byId("stderr-truncated"),
  errorPane: byId("error-pane"),
  errorKind: byId("error-kind"),
  errorClass: byId("error-class"),
  errorColon: byId("error-colon"),
  errorMessage: byId("error-message"),
  errorBacktrace: byId<HTMLOListElement>("error-backtrace"),
  wallTime: byId("usage-wall-time"),
  memoryPeak: byId("usage-memory-peak"),
  roundTrip: byId("usage-round-trip"),
};

export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export interface Shown {
  /** The sandbox's wall time, where it has one. */
  wallTime?: number;
  /** The script line the error points at, and what to say there. */
  mark?: { line: number; message: string };
}

/**
 * Shows how a run ended. `sandbox` is the one that ran it (undefined when there was none, e.g.
 * the services did not load); `goToLine` is what a backtrace entry in the script does.
 */
export function showOutcome(
  outcome: Outcome,
  sandbox: Sandbox | undefined,
  roundTrip: number,
  goToLine: (line: number) => void,
): Shown {
  ui.result.textContent = outcome.ok ? inspect(outcome.value) : "";
  ui.errorPane.hidden = outcome.ok;
  const mark = outcome.ok ? undefined : showError(outcome.error, goToLine);
  ui.roundTrip.textContent = formatMs(roundTrip);
  const wallTime = showCaptured(sandbox);
  // A worker terminated by Stop or by the hard timeout took its memory figure with it: the
  // sandbox then reports 0, which is not a measurement.
  if (!outcome.ok && terminated(outcome.error)) ui.memoryPeak.textContent = "—";
  return { wallTime, mark };
}

function terminated(error: unknown): boolean {
  if (error instanceof TimeoutError) return error.details.hard === true;
  return error instanceof Error && error.name === "AbortError";
}

function showError(error: unknown, goToLine: (line: number) => void): Shown["mark"] {
  const info = describeError(error);
  ui.errorKind.textContent = info.kind;
  ui.errorKind.hidden = info.kind === info.klass; // e.g. AbortError: say it once
  ui.errorClass.textContent = info.klass;
  ui.errorColon.hidden = info.message === "";
  ui.errorMessage.textContent = info.message;
  ui.errorBacktrace.replaceChildren(
    ...info.backtrace.map((entry) => {
      const li = document.createElement("li");
      const line = errorLine([entry]);
      if (line === undefined) {
        li.textContent = entry;
      } else {
        // An entry in the script itself: a button that takes the cursor there.
        const button = document.createElement("button");
        button.type = "button";
        button.className = "backtrace-link";
        button.textContent = entry;
        button.title = `Go to line ${line}`;
        button.addEventListener("click", () => goToLine(line));
        li.append(button);
      }
      return li;
    }),
  );
  const line = errorLine(info.backtrace, info.message);
  return line === undefined ? undefined : { line, message: `${info.klass}: ${info.message}` };
}

/** What the sandbox reports about the invocation that just ended (any outcome has it). */
function showCaptured(sandbox: Sandbox | undefined): number | undefined {
  try {
    if (!sandbox) throw new Error("no sandbox");
    ui.stdout.textContent = sandbox.stdout;
    ui.stderr.textContent = sandbox.stderr;
    ui.stdoutTruncated.hidden = !sandbox.stdoutTruncated;
    ui.stderrTruncated.hidden = !sandbox.stderrTruncated;
    const usage = sandbox.usage;
    ui.wallTime.textContent = formatMs(usage.wallTime);
    ui.memoryPeak.textContent = formatBytes(usage.memoryPeak);
    return usage.wallTime;
  } catch {
    // No sandbox (the services failed to load) or one closed by Stop: nothing to report.
    for (const el of [ui.stdout, ui.stderr]) el.textContent = "";
    ui.stdoutTruncated.hidden = ui.stderrTruncated.hidden = true;
    ui.wallTime.textContent = ui.memoryPeak.textContent = "—";
    return undefined;
  }
}
