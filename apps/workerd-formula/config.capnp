# workerd configuration of the example: `pnpm start` serves it on 127.0.0.1:8787; the test
# overrides the address (--socket-addr http=127.0.0.1:PORT).
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .formulaWorker) ],
  sockets = [ (name = "http", address = "127.0.0.1:8787", http = (), service = "main") ],
);

const formulaWorker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "dist/worker.js"),
    (name = "kobako.wasm", wasm = embed "dist/kobako.wasm"),
  ],
  compatibilityDate = "2025-09-01",
);
