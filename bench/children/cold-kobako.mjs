// A fresh process: import @kobako/node, create a Sandbox, first eval("nil"). Times are ms since
// the process started (performance.timeOrigin); `start` is when the import began.
const start = performance.now();
const { Sandbox } = await import("@kobako/node");
const imported = performance.now();
const sandbox = new Sandbox();
const value = await sandbox.eval("nil");
const ready = performance.now();
if (value !== null) throw new Error(`eval("nil") gave ${value}`);
await sandbox.close();
console.log(JSON.stringify({ start, imported, ready }));
