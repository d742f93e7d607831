export { AtomicsHostEnd, AtomicsWorkerEnd, atomicsChannel, Shared, Signal } from "./atomics.js";
export * from "./contract.js";
export { PostedHostEnd } from "./host-end.js";
export { locateRequest, putReply, takeRequest, transferList } from "./io.js";
export { JspiWorkerEnd, jspiChannel } from "./jspi.js";
export { MAX_EXCHANGES, ReplayWorkerEnd, replayChannel } from "./replay.js";
export { offerChannel, openHostEnd, openWorkerEnd } from "./select.js";
