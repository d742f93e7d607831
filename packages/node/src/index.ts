import { Sandbox as CoreSandbox, type Platform, type SandboxOptions } from "@kobako/core";
import { defaultPlatform } from "./platform.js";

export {
  type BridgePreference,
  BytecodeError,
  type ChannelMode,
  type ChannelPreference,
  type ErrorOrigin,
  HandleExhaustedError,
  HandleTableExhausted,
  type InvocationOptions,
  type KobakoError,
  MAX_CONTAINERS,
  MAX_PAYLOAD,
  MemoryLimitError,
  type Platform,
  RubySymbol,
  SandboxError,
  type SandboxOptions,
  ServiceError,
  type ServiceNamespace,
  type ServiceValue,
  SetupError,
  type SetupFailure,
  type Snippet,
  type Threading,
  TimeoutError,
  TrapError,
  type Usage,
} from "@kobako/core";
export { createInThreadPlatform, type InThreadPlatformOptions } from "./in-thread.js";
export { createPlatform, defaultPlatform, type PlatformOptions } from "./platform.js";

/**
 * A sandbox whose guest runs in a pool of worker threads shared by all sandboxes of the process.
 *
 * ```ts
 * await using sandbox = new Sandbox({ stdoutLimit: 64 << 10 });
 * await sandbox.eval("1 + 2"); // 3
 * ```
 */
export class Sandbox extends CoreSandbox {
  /**
   * @param options caps of each invocation.
   * @param platform another platform, e.g. `createPlatform({ module })` for a precompiled
   *   kobako.wasm.
   */
  constructor(options?: SandboxOptions, platform: Platform = defaultPlatform) {
    super(options, platform);
  }
}
