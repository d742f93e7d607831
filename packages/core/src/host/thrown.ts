/** Longest message passed on to the guest for a failed service; the rest is cut. */
export const MAX_MESSAGE = 64 << 10;

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/**
 * `value instanceof Class`, or false when the check itself throws: a Proxy's `getPrototypeOf`
 * trap, or a revoked Proxy, throws from `instanceof`.
 */
export function isInstance<T>(
  value: unknown,
  Class: abstract new (...args: never[]) => T,
): value is T {
  try {
    return value instanceof Class;
  } catch {
    return false;
  }
}

/** The message of an error, or a description of anything else thrown; never throws. */
export function messageOf(thrown: unknown): string {
  return describeThrown(thrown).message;
}

function read(run: () => unknown): unknown {
  try {
    return run();
  } catch {
    return undefined;
  }
}

/**
 * The name and message of anything a service threw: an `Error` gives its own; any other value
 * (a string, a number, a plain object, `undefined`) gives `"Error"` and a description of it.
 * Never throws, whatever getters, `toString` or Proxy traps the value has.
 */
export function describeThrown(thrown: unknown): { name: string; message: string } {
  if (isInstance(thrown, Error)) {
    const name = read(() => thrown.name);
    const message = read(() => thrown.message);
    return {
      name: typeof name === "string" && name !== "" ? name : "Error",
      message: clip(typeof message === "string" ? message : ""),
    };
  }
  return { name: "Error", message: clip(describeValue(thrown)) };
}

function describeValue(value: unknown): string {
  switch (typeof value) {
    case "string":
      return value;
    case "symbol":
      return value.toString();
    case "function": {
      const name = read(() => value.name);
      return `a function${typeof name === "string" && name ? ` (${name})` : ""} was thrown`;
    }
    case "object":
      if (value === null) return "null was thrown";
      return (read(() => JSON.stringify(value)) as string | undefined) ?? "an object was thrown";
    case "undefined":
      return "undefined was thrown";
    default:
      return String(value);
  }
}
