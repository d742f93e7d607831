import { defineConfig } from "vite";

// Deliberately no COOP/COEP headers and no optimizeDeps or worker settings: the playground must
// work as a plain static host serves it, with nothing asked of the user's bundler config.
export default defineConfig({
  server: { port: 5173 },
  preview: { port: 4173 },
});
