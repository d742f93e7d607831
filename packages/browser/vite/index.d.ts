/** The shape of the Vite plugin `kobako()` returns (typed here so the package needs no Vite). */
export interface KobakoPlugin {
  name: "kobako";
  apply: "serve";
  configureServer(server: {
    middlewares: {
      use(
        handler: (
          request: { url?: string },
          response: { setHeader(name: string, value: string): void; end(body: Uint8Array): void },
          next: (error?: unknown) => void,
        ) => void,
      ): void;
    };
  }): void;
}

/**
 * Serves the package's worker and kobako.wasm in Vite's dev server where the package cannot find
 * them by itself: Vite 5 with the package hoisted outside the app's root (an npm workspace).
 *
 * ```ts
 * // vite.config.ts
 * import { kobako } from "@kobako/browser/vite";
 * export default { plugins: [kobako()] };
 * ```
 */
export function kobako(): KobakoPlugin;
export default kobako;
