export {
  BytecodeError,
  type ErrorOrigin,
  HandleExhaustedError,
  HandleExhaustedError as HandleTableExhausted,
  type KobakoError,
  type KobakoErrorInit,
  MemoryLimitError,
  SandboxError,
  ServiceError,
  TimeoutError,
  TrapError,
} from "./errors.js";
export type { InvocationOptions, SandboxOptions } from "./host/options.js";
export type { Platform, WorkerHandle } from "./host/platform.js";
export { Sandbox, type Usage } from "./host/sandbox.js";
export type { EvalLimits, EvalResult, WorkerApi } from "./protocol.js";
export { isReadyMessage, READY_MESSAGE } from "./protocol.js";
