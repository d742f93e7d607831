export { ABI_VERSION, GuestInstance } from "./guest.js";
export { CaptureFd, EmptyInputFd } from "./output.js";
export { exposeWorkerRuntime } from "./runtime.js";
