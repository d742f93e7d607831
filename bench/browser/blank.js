// The floor of browser-first-result: the same kind of page, built the same way, without kobako.
const module = performance.now();
globalThis.benchFirst = { at: module, module, value: null };
