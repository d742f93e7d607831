// An empty worker: it says it is up.
postMessage(0);
