// A fresh process: from `import("@kobako/node")` to the first eval("nil") result, timed inside the
// process (Node's own start-up, ~47 ms here, is not kobako's). Prints ms since the import began.
const started = performance.now();
const { Sandbox } = await import("@kobako/node");
const imported = performance.now() - started;
const sandbox = new Sandbox();
const value = await sandbox.eval("nil");
const result = performance.now() - started;
if (value !== null) throw new Error(`eval("nil") gave ${value}`);
await sandbox.close();
console.log(JSON.stringify({ imported, result }));
