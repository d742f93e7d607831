/**
 * Whether settling a promise with `value` would call its `then`: an object or function whose
 * `then` is callable. A `then` getter that throws counts (the promise would reject with what it
 * threw, which is adoption too). Never throws.
 */
export function isThenable(value: unknown): boolean {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return false;
  try {
    return typeof (value as { then?: unknown }).then === "function";
  } catch {
    return true;
  }
}
