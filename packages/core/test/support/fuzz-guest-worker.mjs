// The guest side of fuzz-guest.test.ts, in a worker thread so that a hang can be caught: runs
// each invocation request it is sent on one GuestInstance of kobako.wasm (core's dist: run
// `pnpm build` first), answers the guest's service calls with the replies sent along, then runs
// a canary invocation, and reports how both ended.
import { readFile } from "node:fs/promises";
import { parentPort } from "node:worker_threads";
import { decodeResponse, encodeInvocation } from "../../dist/wire/index.js";
import { GuestInstance } from "../../dist/worker/index.js";

const wasm = await readFile(new URL("../../../../data/kobako.wasm", import.meta.url));
const module = await WebAssembly.compile(wasm);

let replies = [];
let calls = 0;
/** A channel end that answers each service call with the next reply of the case, then with -1. */
const bridge = (guest) => ({
  mode: "atomics",
  freezesClock: false,
  deadline: Number.POSITIVE_INFINITY,
  epoch: 0,
  serviceCall(_at, _length) {
    calls++;
    const reply = replies.shift();
    if (!reply) return -1;
    const to = guest.replyBuffer(reply.byteLength) >>> 0;
    if (to === 0) return -1;
    new Uint8Array(guest.memory().buffer, to, reply.byteLength).set(reply);
    return reply.byteLength;
  },
  run(invocation) {
    const { entry, length } = invocation.start();
    return entry(length);
  },
  takeFailure: () => undefined,
});

const guest = await GuestInstance.create(module, bridge);
const limits = { stdoutLimit: 4096, stderrLimit: 4096, memoryLimit: 1 << 20, timeout: 200 };
const canary = encodeInvocation([], [], {
  kind: "eval",
  source: "[1 + 1, $fuzz, Object.const_defined?(:Adder)]",
});

function classify(result) {
  if (result.trap) return `trap: ${result.trap.message}`;
  if (result.oversize !== undefined) return "oversize";
  if (!result.envelope) return "no envelope";
  try {
    const outcome = decodeResponse(result.envelope, () => ({}));
    return outcome.ok ? "value" : `error ${outcome.failure.kind}`;
  } catch (error) {
    return `bad envelope: ${error.message}`;
  }
}

function canaryHeld(result) {
  if (!result.envelope) return false;
  try {
    const outcome = decodeResponse(result.envelope);
    return (
      outcome.ok &&
      Array.isArray(outcome.value) &&
      outcome.value[0] === 2 &&
      outcome.value[1] === null &&
      outcome.value[2] === false
    );
  } catch {
    return false;
  }
}

parentPort.on("message", (message) => {
  if (message.compile) {
    const result = guest.invoke(
      encodeInvocation([], [], { kind: "compile", source: message.compile }),
      limits,
    );
    const outcome = decodeResponse(result.envelope);
    parentPort.postMessage({ rite: outcome.ok ? outcome.value : null });
    return;
  }
  replies = message.replies ?? [];
  calls = 0;
  const outcome = classify(guest.invoke(message.request, limits));
  const served = calls;
  replies = [];
  const next = guest.invoke(canary, limits);
  parentPort.postMessage({
    outcome,
    calls: served,
    canary: canaryHeld(next) ? "ok" : classify(next),
  });
});
parentPort.postMessage({ ready: true });
