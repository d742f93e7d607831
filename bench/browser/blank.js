// The floor of browser-first-result: the same kind of page, built the same way, without kobako.
globalThis.benchFirst = { at: performance.now(), value: null };
