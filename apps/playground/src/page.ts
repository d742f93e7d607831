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

/**
 * localStorage that never throws: storage can be disabled, full, or refused (private modes, a
 * sandboxed iframe); then nothing is kept and the page works on.
 */
export const storage = {
  get(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      localStorage.setItem(key, value);
    } catch {
      // not kept
    }
  },
  remove(key: string): void {
    try {
      localStorage.removeItem(key);
    } catch {
      // nothing to remove
    }
  },
};
