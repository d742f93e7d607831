/** Small helpers both pages share. */

export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el as T;
}

/** Shows ⌘ instead of Ctrl in the page's keyboard hints on Apple platforms. */
export function showShortcuts(): void {
  const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
  if (!isMac) return;
  for (const el of document.querySelectorAll(".shortcut")) el.textContent = "⌘+Enter";
  for (const el of document.querySelectorAll(".mod")) el.textContent = "⌘";
}
