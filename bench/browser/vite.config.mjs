import { defineConfig } from "vite";

// Built by measures/browser-first-result.mjs into bench/.browser-dist: a production build, as an
// app would ship it, with nothing kobako-specific in the config.
export default defineConfig({
  root: new URL(".", import.meta.url).pathname,
  base: "./",
  logLevel: "warn",
  build: {
    outDir: new URL("../.browser-dist", import.meta.url).pathname,
    emptyOutDir: true,
    rolldownOptions: { input: { index: "index.html", blank: "blank.html", floor: "floor.html" } },
  },
});
