import { Sandbox as CoreSandbox, type Platform, type SandboxOptions } from "@kobako/core";
import { defaultPlatform } from "./platform.js";

export {
  type BridgePreference,
  BytecodeError,
  type ChannelMode,
  type ChannelPreference,
  createInThreadPlatform,
  type ErrorOrigin,
  HandleExhaustedError,
  HandleTableExhausted,
  type InThreadPlatformOptions,
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
export {
  createPlatform,
  defaultPlatform,
  type PlatformOptions,
} from "./platform.js";

/**
 * A sandbox whose guest runs in a pool of module Web Workers shared by all sandboxes of the page.
 *
 * ```ts
 * await using sandbox = new Sandbox({ timeout: 5_000 });
 * await sandbox.eval("1 + 2"); // 3
 * ```
 */
export class Sandbox extends CoreSandbox {
  /**
   * @param options caps of each invocation.
   * @param platform another platform, e.g. `createPlatform({ module })` for a precompiled
   *   kobako.wasm or `createPlatform({ wasmUrl })` for another location.
   */
  constructor(options?: SandboxOptions, platform: Platform = defaultPlatform) {
    super(options, platform);
  }
}
