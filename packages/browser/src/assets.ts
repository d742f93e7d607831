const PREBUNDLED = "/node_modules/.vite/deps/";

/**
 * Where a file shipped in this package's dist/ would be served if this module runs from Vite's
 * dev-server pre-bundle cache (node_modules/.vite/deps/), where Vite versions that do not rewrite
 * `new URL("./file", import.meta.url)` leave relative URLs pointing at files that are not there.
 * Empty when `moduleUrl` is not such a location.
 */
export function prebundledFallback(moduleUrl: string, file: string): URL[] {
  const at = moduleUrl.indexOf(PREBUNDLED);
  if (at < 0) return [];
  return [new URL(`${moduleUrl.slice(0, at)}/node_modules/@kobako/browser/dist/${file}`)];
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

/**
 * Fetches and compiles kobako.wasm, streaming when the server labels it `application/wasm` and
 * from bytes otherwise. A response that is not wasm at all (a 404 page, an SPA fallback) is an
 * error naming the URL.
 */
export async function compileFrom(url: URL | string): Promise<WebAssembly.Module> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`fetching ${url} failed: HTTP ${response.status}`);
  const type = response.headers.get("content-type") ?? "";
  if (type.split(";")[0]?.trim() === "application/wasm" && WebAssembly.compileStreaming) {
    return WebAssembly.compileStreaming(response);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!WASM_MAGIC.every((byte, i) => bytes[i] === byte)) {
    throw new Error(`${url} is not a WebAssembly module (served as ${type || "no type"})`);
  }
  return WebAssembly.compile(bytes);
}

/** Tries each URL in turn; fails with every reason when none works. */
export async function compileFirst(urls: readonly (URL | string)[]): Promise<WebAssembly.Module> {
  const reasons: string[] = [];
  for (const url of urls) {
    try {
      return await compileFrom(url);
    } catch (error) {
      reasons.push(error instanceof Error ? error.message : String(error));
    }
  }
  throw new Error(`could not load kobako.wasm: ${reasons.join("; ")}`);
}
