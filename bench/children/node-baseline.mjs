// A fresh process that does nothing: how long Node itself takes to reach user code.
console.log(JSON.stringify({ ready: performance.now() }));
