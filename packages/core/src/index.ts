export type {
  /** @deprecated now {@link ChannelInit} */
  ChannelInit as BridgeInit,
  ChannelInit,
  /** @deprecated now {@link ChannelMode} */
  ChannelMode as BridgeMode,
  ChannelMode,
  /** @deprecated now {@link ChannelPreference} */
  ChannelPreference as BridgePreference,
  ChannelPreference,
} from "./channel/contract.js";
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
  SetupError,
  type SetupFailure,
  TimeoutError,
  TrapError,
} from "./errors.js";
export { HandleTable, MAX_HANDLE_ID } from "./host/handles.js";
export { createInThreadPlatform, type InThreadPlatformOptions } from "./host/in-thread.js";
export { RESERVED_NAMESPACES } from "./host/names.js";
export type { InvocationOptions, SandboxOptions } from "./host/options.js";
export type { Platform, Threading, WorkerHandle } from "./host/platform.js";
export { Sandbox, type Usage } from "./host/sandbox.js";
export type { ServiceNamespace, ServiceValue } from "./host/services.js";
export type { Snippet } from "./host/snippets.js";
export type { EvalLimits, EvalResult, WorkerApi } from "./protocol.js";
export { isReadyMessage, READY_MESSAGE } from "./protocol.js";
export { RubySymbol } from "./symbol.js";
export { MAX_CONTAINERS } from "./wire/shape.js";
export { MAX_PAYLOAD } from "./wire/types.js";
export { precompileFirstEval } from "./worker/precompile.js";
