// Where this module is, and how to name a location in a message. Every file of the package sits in
// dist/ beside worker.js and kobako.wasm, so this module's URL is the package's.
import { isPrebundled, PREBUNDLED_HINT } from "./assets.js";

export const UNKNOWN_LOCATION =
  "This bundle gives the package no import.meta.url to find its files by: pass createPlatform({ workerUrl, wasmUrl }) (or { module }) with the URLs of the package's dist/worker.js and dist/kobako.wasm";

/** This module's URL, or `undefined` in a bundle format without one (esbuild IIFE or CJS). */
export function moduleUrl(): string | undefined {
  try {
    const url: unknown = import.meta.url;
    return typeof url === "string" && url !== "" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** What to do when the package's own files were not found. */
export function hint(): string | undefined {
  const here = moduleUrl();
  if (!here) return UNKNOWN_LOCATION;
  return isPrebundled(here) ? PREBUNDLED_HINT : undefined;
}

/** A file next to `base`, for messages. */
export function describe(file: string, base: string | undefined): string {
  if (!base) return `./${file} (relative to an unknown import.meta.url)`;
  return new URL(file, base).href;
}

/** `url` resolved against the page, for messages. */
export function absolute(url: string | URL): string {
  try {
    return new URL(url, (globalThis as { location?: { href: string } }).location?.href).href;
  } catch {
    return String(url);
  }
}
