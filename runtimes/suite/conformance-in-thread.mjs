// The conformance suite on in-thread platforms (createInThreadPlatform): the guest runs on this
// thread, as on hosts without workers. run.mjs starts each runtime on this file too.
globalThis.KOBAKO_IN_THREAD = true;
await import("./conformance.mjs");
