import type { SnippetSpec } from "../wire/request.js";

/** A snippet for `Sandbox#preload`: Ruby source, or RITE bytecode from `Sandbox#compile`. */
export type Snippet =
  | {
      /** Ruby source, compiled as a trial by `preload`. */
      code: string;
      /** Shown in errors (`details.snippet`); default `"snippet N"`. */
      name?: string;
    }
  | {
      /**
       * RITE bytecode, checked by the guest on the first invocation: a `Uint8Array` (a Node
       * `Buffer` included) or any other `ArrayBufferView`. The bytes are copied at once.
       */
      binary: ArrayBufferView;
      /** Shown in errors (`details.snippet`); default `"snippet N"`. */
      name?: string;
    };

/** Checks a snippet and gives its request form; throws `TypeError` when malformed. */
export function checkSnippet(snippet: unknown, position: number): SnippetSpec {
  if (typeof snippet !== "object" || snippet === null) {
    throw new TypeError("preload: expected { code } or { binary }");
  }
  const { code, binary, name } = snippet as { code?: unknown; binary?: unknown; name?: unknown };
  if (name !== undefined && (typeof name !== "string" || name === "")) {
    throw new TypeError("preload: name must be a non-empty string");
  }
  const label = name ?? `snippet ${position}`;
  if (code !== undefined && binary !== undefined) {
    throw new TypeError("preload: give either code or binary, not both");
  }
  if (typeof code === "string") return { name: label, code };
  if (ArrayBuffer.isView(binary)) return { name: label, code: copyBytes(binary) };
  throw new TypeError("preload: code must be a string, or binary a Uint8Array");
}

/**
 * A copy of the bytes of any view, as a plain `Uint8Array`: what the caller does with its own
 * buffer later must not change what runs. (`Buffer#slice` returns a view, not a copy.)
 */
function copyBytes(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice();
}
