// A fresh process: import @kobako/node, create a Sandbox, first eval("nil"). Times are ms since
// the process started (performance.timeOrigin).
import { Sandbox } from "@kobako/node";

const imported = performance.now();
const sandbox = new Sandbox();
const value = await sandbox.eval("nil");
const ready = performance.now();
if (value !== null) throw new Error(`eval("nil") gave ${value}`);
await sandbox.close();
console.log(JSON.stringify({ imported, ready }));
