// Runs N invocations that return and pass to a service fourteen new 60 KB symbols each, in a
// fresh process (started with --expose-gc by soak.test.ts), and prints the host heap before and
// after as JSON on one line. With Symbol.for every name stayed registered for ever (~50 MB per 60
// runs); RubySymbols are collected like strings.
import { Sandbox } from "../../dist/index.js";

const count = Number(process.argv[2] ?? 1_000);
const warmUp = Number(process.argv[3] ?? 50);
const sandbox = new Sandbox({ memoryLimit: 16 << 20 });
let received = 0;
sandbox.define("Host").bind("Take", (symbols) => {
  received += symbols.length;
  return symbols.length;
});
await sandbox.preload({
  name: "Syms",
  code: `Syms = ->(run) {
    syms = (1..14).map { |i| ("#{run}-#{i}-" + "s" * 60_000).to_sym }
    Host::Take.call(syms)
    syms
  }`,
});

function heap() {
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

let run = 0;
for (; run < warmUp; run++) await sandbox.run("Syms", [run]);
const before = heap();
const started = performance.now();
for (let i = 0; i < count; i++, run++) {
  const symbols = await sandbox.run("Syms", [run]);
  if (symbols.length !== 14) throw new Error("expected 14 symbols");
}
const elapsed = performance.now() - started;
const after = heap();
await sandbox.close();
console.log(JSON.stringify({ count, elapsed, received, before, after }));
