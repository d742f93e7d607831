import { type EncodeOptions, ValueEncoder } from "./encode.js";
import { Writer } from "./writer.js";

/** A service namespace and the member names bound under it, as the guest defines them. */
export type ServiceSpec = readonly [namespace: string, members: readonly string[]];

/** A preloaded snippet: Ruby source, or RITE bytecode. */
export interface SnippetSpec {
  readonly name: string;
  readonly code: string | Uint8Array;
}

/** What an invocation does once services and snippets are in place (docs/ABI.md, "ABI 2"). */
export type Action =
  | { readonly kind: "eval"; readonly source: string }
  | {
      readonly kind: "run";
      readonly target: string;
      readonly args: readonly unknown[];
      readonly kwargs: Readonly<Record<string, unknown>> | undefined;
    }
  | { readonly kind: "compile"; readonly source: string };

/**
 * Encodes the invocation request `[services, snippets, action]` the guest's `kobako_invoke`
 * reads. `run` arguments go through the value rules; with `options.toHandle` their
 * non-representable leaves become Handles. Throws a `WireError` (cycles, depth, size past
 * `options.limit`), or whatever `toHandle` throws.
 */
export function encodeInvocation(
  services: readonly ServiceSpec[],
  snippets: readonly SnippetSpec[],
  action: Action,
  options: EncodeOptions = {},
): Uint8Array {
  return encodeRequest(services, snippets, action, options).bytes;
}

/**
 * {@link encodeInvocation}, also telling where the services and snippets end (`preludeEnd`):
 * the bytes before it name a preload set exactly, which a worker may have baked.
 */
export function encodeRequest(
  services: readonly ServiceSpec[],
  snippets: readonly SnippetSpec[],
  action: Action,
  options: EncodeOptions = {},
  prelude?: Uint8Array,
): { bytes: Uint8Array; preludeEnd: number } {
  const out = new Writer(options.limit);
  if (prelude) {
    // The same services and snippets encoded before (see encodePrelude).
    out.raw(prelude);
  } else {
    writePrelude(out, services, snippets);
  }
  const preludeEnd = out.length;
  writeAction(out, action, options);
  return { bytes: out.take(), preludeEnd };
}

/** The prelude of a request with no services and no snippets: `[[], [], …`. */
export const EMPTY_PRELUDE: Uint8Array = Uint8Array.of(0x93, 0x90, 0x90);

/** The bytes of a request before its action: its array header, services and snippets. */
export function encodePrelude(
  services: readonly ServiceSpec[],
  snippets: readonly SnippetSpec[],
  limit?: number,
): Uint8Array {
  const out = new Writer(limit);
  writePrelude(out, services, snippets);
  return out.take();
}

function writePrelude(
  out: Writer,
  services: readonly ServiceSpec[],
  snippets: readonly SnippetSpec[],
): void {
  out.array(3);
  out.array(services.length);
  for (const [namespace, members] of services) {
    out.array(2);
    out.str(namespace);
    out.array(members.length);
    for (const member of members) out.str(member);
  }
  out.array(snippets.length);
  for (const { name, code } of snippets) {
    out.array(3);
    out.str(name);
    if (typeof code === "string") {
      out.u8(0);
      out.str(code);
    } else {
      out.u8(1);
      out.bin(code);
    }
  }
}

function writeAction(out: Writer, action: Action, options: EncodeOptions): void {
  switch (action.kind) {
    case "eval":
    case "compile":
      out.array(2);
      out.u8(action.kind === "eval" ? 0 : 2);
      out.str(action.source);
      break;
    case "run": {
      const values = new ValueEncoder(options);
      out.array(4);
      out.u8(1);
      out.str(action.target);
      values.value(out, action.args, 0);
      values.value(out, action.kwargs ?? null, 0);
      break;
    }
  }
}
