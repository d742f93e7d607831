import { defineConfig, mergeConfig } from "vite";
import base from "./vite.config.js";

// For e2e only: in this monorepo @kobako/browser is a workspace symlink, which Vite's dev server
// serves as source. Users who install it from the registry get it pre-bundled into the optimizer's
// cache instead, where its relative worker/wasm URLs no longer point at its files. This config
// forces that path so the e2e tests cover it. Its own cacheDir keeps it from clobbering the
// pre-bundle of a plain `vite` dev server running at the same time.
export default mergeConfig(
  base,
  defineConfig({
    cacheDir: "node_modules/.vite-prebundled",
    optimizeDeps: { include: ["@kobako/browser"] },
  }),
);
