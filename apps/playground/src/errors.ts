import {
  MemoryLimitError,
  SandboxError,
  ServiceError,
  TimeoutError,
  TrapError,
} from "@kobako/browser";

export interface ErrorInfo {
  /** Which of kobako's classes (or the JS error's name, for anything else). */
  kind: string;
  /** The Ruby exception class where there is one, else `kind`. */
  klass: string;
  message: string;
  backtrace: string[];
}

// Checked with instanceof rather than by `name`, which a minifier may change; most specific first.
const KINDS: [new (...args: never[]) => Error, string][] = [
  [TimeoutError, "TimeoutError"],
  [MemoryLimitError, "MemoryLimitError"],
  [TrapError, "TrapError"],
  [ServiceError, "ServiceError"],
  [SandboxError, "SandboxError"],
];

export function describeError(error: unknown): ErrorInfo {
  if (!(error instanceof Error)) {
    return { kind: "Error", klass: "Error", message: String(error), backtrace: [] };
  }
  const kind = KINDS.find(([cls]) => error instanceof cls)?.[1] ?? error.name ?? "Error";
  const { klass, backtraceLines } = error as Error & { klass?: unknown; backtraceLines?: unknown };
  return {
    kind,
    klass: typeof klass === "string" && klass !== "" ? klass : kind,
    message: error.message,
    backtrace: Array.isArray(backtraceLines) ? backtraceLines.map(String) : [],
  };
}
