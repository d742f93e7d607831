// Imported first by suite-worker.mjs: the suite runs in-thread, and waits to be run in a request.
globalThis.KOBAKO_IN_THREAD = true;
globalThis.KOBAKO_DEFER = true;
