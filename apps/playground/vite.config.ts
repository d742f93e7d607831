import { defineConfig } from "vite";

// Deliberately no COOP/COEP headers and no optimizeDeps or worker settings: the playground must
// work as a plain static host serves it, with nothing asked of the user's bundler config.
// Two pages: the playground (index.html) and the formula sheet (sheet.html). `base: "./"` keeps
// every URL relative, so the build works from any folder of any static server.
export default defineConfig({
  base: "./",
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    rolldownOptions: {
      // Relative to the package folder, where every script runs vite.
      input: { playground: "index.html", sheet: "sheet.html" },
    },
  },
});
