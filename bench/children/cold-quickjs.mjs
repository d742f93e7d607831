// A fresh process: quickjs-emscripten (its default release-sync variant), a runtime and a context,
// first evalCode("null"). Times are ms since the process started (performance.timeOrigin).
const start = performance.now();
const { getQuickJS } = await import("quickjs-emscripten");
const imported = performance.now();
const QuickJS = await getQuickJS();
const compiled = performance.now();
const runtime = QuickJS.newRuntime();
const context = runtime.newContext();
const value = context.dump(context.unwrapResult(context.evalCode("null")));
const ready = performance.now();
if (value !== null) throw new Error(`evalCode("null") gave ${value}`);
context.dispose();
runtime.dispose();
console.log(JSON.stringify({ start, imported, compiled, ready }));
