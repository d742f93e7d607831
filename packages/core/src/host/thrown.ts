/** Longest message passed on to the guest for a failed service; the rest is cut. */
export const MAX_MESSAGE = 64 << 10;

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
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
 * Never throws, whatever getters or `toString` the value has.
 */
export function describeThrown(thrown: unknown): { name: string; message: string } {
  if (thrown instanceof Error) {
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
    case "function":
      return `a function${value.name ? ` (${value.name})` : ""} was thrown`;
    case "object":
      if (value === null) return "null was thrown";
      return (read(() => JSON.stringify(value)) as string | undefined) ?? "an object was thrown";
    case "undefined":
      return "undefined was thrown";
    default:
      return String(value);
  }
}
