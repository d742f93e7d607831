import { SetupError, type SetupFailure } from "@kobako/core";

const PREBUNDLED = "/node_modules/.vite/deps/";

/**
 * A file to load: its URL, or — for a file only a dev server knows where to find — where to ask
 * for its URL.
 */
export type Location = URL | string | { from: string; locate(): Promise<string> };

/** The part of `moduleUrl` before Vite's pre-bundle cache, or `undefined` if it is not there. */
function prebundledBase(moduleUrl: string | undefined): string | undefined {
  const at = moduleUrl?.indexOf(PREBUNDLED) ?? -1;
  return moduleUrl && at >= 0 ? moduleUrl.slice(0, at) : undefined;
}

/*
 * Where this package's dist/ files may be served if this module runs from Vite's dev-server
 * pre-bundle cache (node_modules/.vite/deps/), where Vite before 8 does not rewrite `new
 * URL("./file", import.meta.url)`: relative URLs point at files that are not there. In order:
 *
 * 1. the package in the app's own node_modules (any Vite, package installed in the app);
 * 2. `/@kobako/browser/…`, where the `kobako()` plugin of `@kobako/browser/vite` serves them;
 * 3. Vite's own resolution, which finds the package wherever it is installed (hoisted to a
 *    workspace root outside Vite's root): `/@id/<specifier>` serves a module resolved like an
 *    import, and an asset imported with `?url&import` answers `export default "<its URL>"`
 *    (`/@fs/…`). Vite 6 and 7 answer both; Vite 5 neither (hence the plugin).
 *
 * Both lists are empty when `moduleUrl` is not in the pre-bundle cache.
 */

/** Where the `kobako()` Vite plugin serves the package's dist/ files in dev. */
export const PLUGIN_PATH = "/@kobako/browser/";

/** Said when nothing worked from Vite's pre-bundle cache. */
export const PREBUNDLED_HINT =
  "In Vite's dev server with the package installed outside the app's root (a hoisted workspace), add the kobako() plugin of @kobako/browser/vite to the Vite config";

/** Whether this module runs from Vite's pre-bundle cache. */
export function isPrebundled(moduleUrl: string | undefined): boolean {
  return prebundledBase(moduleUrl) !== undefined;
}

/** Where the worker script may be served instead (see above). */
export function prebundledWorker(moduleUrl: string | undefined): URL[] {
  const base = prebundledBase(moduleUrl);
  if (base === undefined) return [];
  return [
    new URL(`${base}/node_modules/@kobako/browser/dist/worker.js`),
    new URL(`${base}${PLUGIN_PATH}worker.js`),
    new URL(`${base}/@id/@kobako/browser/worker.js`),
  ];
}

/** Where kobako.wasm may be served instead (see above). */
export function prebundledWasm(moduleUrl: string | undefined): Location[] {
  const base = prebundledBase(moduleUrl);
  if (base === undefined) return [];
  const from = `${base}/@id/@kobako/browser/kobako.wasm?url&import`;
  return [
    new URL(`${base}/node_modules/@kobako/browser/dist/kobako.wasm`),
    new URL(`${base}${PLUGIN_PATH}kobako.wasm`),
    { from, locate: () => viteAssetUrl(from) },
  ];
}

/** Asks Vite's dev server for an asset's URL: the module at `from` exports it as a string. */
async function viteAssetUrl(from: string): Promise<string> {
  const response = await fetch(from);
  const text = response.ok ? await response.text() : "";
  const literal = /^export default ("(?:[^"\\]|\\.)*")/.exec(text)?.[1];
  if (!literal) throw new Error(`not a Vite dev server's answer (HTTP ${response.status})`);
  return new URL(JSON.parse(literal) as string, from).href;
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Why a fetch or a compile failed, with what to do where the cause is known. */
function explain(error: unknown): string {
  // One line: engines' messages may span several (WebKit appends "(evaluating '…')").
  const message = messageOf(error).replace(/\s+/g, " ").trim();
  if (/Content.Security.Policy|unsafe-eval|\bCSP\b/i.test(message)) {
    return `${message} (the page's Content-Security-Policy must allow script-src 'wasm-unsafe-eval')`;
  }
  if (error instanceof TypeError && /fetch|network/i.test(message)) {
    return `network error (${message}): unreachable, blocked by CORS or by connect-src`;
  }
  return message;
}

/**
 * Fetches and compiles kobako.wasm, streaming when the server labels it `application/wasm` and
 * from bytes otherwise. Fails with the reason only (the caller names the URL): an HTTP error, a
 * response that is not wasm at all (a 404 page, an SPA fallback), a CSP that forbids compiling.
 */
export async function compileFrom(url: URL | string): Promise<WebAssembly.Module> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(explain(error));
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const type = response.headers.get("content-type") ?? "";
  try {
    let module: WebAssembly.Module;
    if (type.split(";")[0]?.trim() === "application/wasm" && WebAssembly.compileStreaming) {
      module = await WebAssembly.compileStreaming(response);
    } else {
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (!WASM_MAGIC.every((byte, i) => bytes[i] === byte)) {
        throw new Error(`not a WebAssembly module (served as ${type || "no type"})`);
      }
      module = await WebAssembly.compile(bytes);
    }
    assertInstantiable();
    return module;
  } catch (error) {
    throw new Error(explain(error));
  }
}

/** The smallest module there is: the magic and the version. */
const EMPTY_MODULE = new Uint8Array([...WASM_MAGIC, 0x01, 0x00, 0x00, 0x00]);

/**
 * Throws if this page may compile WebAssembly but not instantiate it. WebKit applies a CSP
 * without 'wasm-unsafe-eval' only when a module is instantiated, which happens in the worker:
 * without this check the refusal would come back as a worker that failed to start.
 */
function assertInstantiable(): void {
  new WebAssembly.Instance(new WebAssembly.Module(EMPTY_MODULE));
}

/** Tries each URL in turn; fails with a `SetupError` naming every URL and why it failed. */
export async function compileFirst(
  locations: readonly Location[],
  hint?: string,
): Promise<WebAssembly.Module> {
  const failures: SetupFailure[] = [];
  for (const location of locations) {
    let from =
      typeof location === "object" && "locate" in location ? location.from : String(location);
    try {
      if (typeof location === "object" && "locate" in location) {
        from = await location.locate();
      }
      return await compileFrom(from);
    } catch (error) {
      failures.push({ what: "kobako.wasm", from, reason: messageOf(error) });
    }
  }
  if (failures.length === 0) failures.push({ what: "kobako.wasm", reason: "no location to try" });
  throw SetupError.of(failures, hint);
}

/**
 * Why a worker script did not start, as far as the page can tell: browsers report a module
 * worker that fails to load as a bare `error` event, so the URL is fetched once more to name an
 * HTTP status or a MIME type that is not JavaScript.
 */
export async function diagnoseWorker(url: string, eventMessage: string): Promise<string> {
  if (eventMessage) return eventMessage;
  try {
    const response = await fetch(url);
    if (!response.ok) return `HTTP ${response.status}`;
    const type = response.headers.get("content-type")?.split(";")[0]?.trim() ?? "";
    if (!/javascript|ecmascript/i.test(type)) {
      return `served as ${type || "no type"}, not JavaScript`;
    }
  } catch {
    // Not fetchable from here either: the browser's refusal is all there is.
  }
  return "the browser refused to start it (a Content-Security-Policy worker-src, or an error in the script)";
}
