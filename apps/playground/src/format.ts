/**
 * `0.042 ms`, `3.14 ms`, `1,234 ms`: enough digits to compare runs, never more than the clock has.
 * A page that is not cross-origin isolated gets a coarse clock (whole milliseconds in Firefox and
 * WebKit), so a whole number is shown whole, and 0 as `< 1 ms` rather than `0.000 ms`.
 */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  if (ms === 0) return "< 1 ms";
  if (Number.isInteger(ms)) return `${ms.toLocaleString("en-US")} ms`;
  if (ms < 1) return `${ms.toFixed(3)} ms`;
  if (ms < 100) return `${ms.toFixed(2)} ms`;
  return `${Math.round(ms).toLocaleString("en-US")} ms`;
}

/** `512 B`, `12.5 KiB`, `3.00 MiB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "—";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(2)} MiB`;
}
