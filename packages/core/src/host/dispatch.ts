import { HandleExhaustedError, type KobakoError, SandboxError, TrapError } from "../errors.js";
import {
  decodeServiceRequest,
  encodeBlockReply,
  encodeErrorReply,
  encodeReturnReply,
  type ServiceRequest,
} from "../wire/service.js";
import { MAX_PAYLOAD, WireError } from "../wire/types.js";
import { describeSize } from "../wire/writer.js";
import { Frame, type FrameOwner } from "./frame.js";
import type { HandleTable } from "./handles.js";
import { findMember } from "./members.js";
import type { ServiceRegistry } from "./services.js";
import { isThenable } from "./thenable.js";
import { describeThrown, isInstance } from "./thrown.js";

/** A service failure the guest was told about, kept to build the host's `ServiceError`. */
export interface ServiceFailure {
  /** The id its error reply carried (1, 2, … within the invocation). */
  readonly id: number;
  /** `"KV::Lookup"`, or `"a Handle (Point)"` for a method called on a handle. */
  readonly service: string;
  readonly method: string;
  /** The error's name (`"TypeError"`; `"Error"` for a thrown non-Error). */
  readonly name: string;
  /** The message the guest got. */
  readonly message: string;
  /** What the service threw (or the host's own error, e.g. a reply over the payload cap). */
  readonly thrown: unknown;
}

type Call = Extract<ServiceRequest, { form: "call" }>;

const FAILURES_KEPT = 16;

function describeTarget(target: string | object): string {
  if (typeof target === "string") return target;
  let name: unknown;
  try {
    name =
      typeof target === "function"
        ? "function"
        : (Object.getPrototypeOf(target) as { constructor?: { name?: unknown } } | null)
            ?.constructor?.name;
  } catch {
    name = undefined;
  }
  return `a Handle${typeof name === "string" && name !== "" ? ` (${name})` : ""}`;
}

/** An error raised by the host itself while serving a call, with a Ruby class for the guest. */
class CallError extends Error {
  constructor(
    readonly klass: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Serves the service requests of one invocation: routes calls to bound services and handles
 * through the member allow-list, converts values with the invocation's handle table, runs blocks,
 * and turns every failure into a `[1, {klass, message}]` reply. One reply per request, always.
 */
export class Dispatcher implements FrameOwner {
  readonly #frames: Frame[] = [];
  /** The last few failures, by id: a script that rescues thousands must not make the host keep them. */
  readonly #failures = new Map<number, ServiceFailure>();
  #lastFailure = 0;
  readonly #encode: { toHandle: (value: object) => number; limit: number };
  #ended = false;
  #fatal: KobakoError | undefined;

  constructor(
    private readonly registry: ServiceRegistry,
    private readonly table: HandleTable,
  ) {
    this.#encode = { toHandle: (value) => table.add(value), limit: MAX_PAYLOAD };
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** An error that decides the invocation's outcome whatever the guest did next. */
  get fatal(): KobakoError | undefined {
    return this.#fatal;
  }

  /**
   * What the host knows of the failure whose error reply carried `id`: the failure, `"forgotten"`
   * when the id was given out in this invocation but its record has been let go (only the last
   * few are kept), `undefined` when no reply ever carried it.
   */
  failure(id: number): ServiceFailure | "forgotten" | undefined {
    const known = this.#failures.get(id);
    if (known) return known;
    return Number.isSafeInteger(id) && id >= 1 && id <= this.#lastFailure ? "forgotten" : undefined;
  }

  /** The reply to one service request (bytes as the guest wrote them). Never rejects. */
  handle(bytes: Uint8Array): Promise<Uint8Array> {
    return Promise.resolve(this.answer(bytes));
  }

  /**
   * The reply to one service request: at once when it is known without waiting (a service that
   * returned a plain value, or threw; a block's end when the service had settled), else a
   * promise of it. Never throws, never rejects.
   */
  answer(bytes: Uint8Array): Uint8Array | Promise<Uint8Array> {
    if (this.#ended) return encodeErrorReply("Kobako::Error", "the invocation has ended");
    let request: ServiceRequest;
    try {
      request = decodeServiceRequest(bytes, (id) => this.#resolve(id));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return this.#refuse("ArgumentError", message);
    }
    if (request.form === "call") {
      try {
        return this.#call(request);
      } catch (error) {
        // Not reached by any service's doing (#call catches what services throw); kept so that
        // a bug here still answers the guest instead of leaving it waiting.
        return this.#refuse("Kobako::Error", describeThrown(error).message);
      }
    }
    const frame = this.#frames.at(-1);
    if (!frame?.blockRunning) {
      this.#fatal ??= new TrapError("the guest answered a block that was not running", {
        details: { kind: "wire" },
      });
      return this.#refuse("Kobako::Error", "no block is running");
    }
    switch (request.form) {
      case "block-value":
        if (isThenable(request.value)) {
          // Resolving the block's promise with it would call its `then` (only a handle of a
          // host thenable can be one: a Dict with a callable `then` decodes as a Map).
          frame.blockReturned(
            false,
            new SandboxError("the block returned a host object with a callable then", {
              details: { kind: "thenable" },
            }),
          );
        } else {
          frame.blockReturned(true, request.value);
        }
        return frame.next();
      case "block-error":
        frame.blockReturned(
          false,
          new SandboxError(request.message, {
            klass: request.klass,
            details: { kind: "block" },
          }),
        );
        return frame.next();
      case "block-exit":
        this.pop(frame);
        frame.unwind();
        return encodeReturnReply(null);
    }
  }

  /** The reply to a request the worker did not pass on because it exceeded the payload cap. */
  oversize(length: number): Uint8Array {
    const message = `a service request of ${length} bytes exceeds the ${describeSize(MAX_PAYLOAD)} payload cap`;
    return this.#record({
      service: "(unknown)",
      method: "(unknown)",
      name: "RangeError",
      message,
      thrown: new RangeError(message),
    });
  }

  /** The invocation is over: frames end, blocks reject, late results are ignored. */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    // Most invocations end with no frame open: an Error (and its stack) per call is measurable.
    if (this.#frames.length === 0) return;
    const reason = new SandboxError("the block cannot run: its invocation has ended", {
      origin: "host",
      details: { kind: "block-ended" },
    });
    for (const frame of this.#frames.splice(0)) frame.end(reason);
  }

  blockReply(args: unknown[]): Uint8Array {
    return this.#guard(() => encodeBlockReply(args, this.#encode));
  }

  pop(frame: Frame): void {
    const index = this.#frames.lastIndexOf(frame);
    if (index >= 0) this.#frames.splice(index);
  }

  #resolve(id: number): unknown {
    if (!this.table.has(id)) throw new WireError("malformed", `unknown handle id ${id}`);
    return this.table.get(id);
  }

  #call(request: Call): Uint8Array | Promise<Uint8Array> {
    const frame = new Frame(this);
    this.#frames.push(frame);
    const service = describeTarget(request.target);
    let result: unknown;
    try {
      result = this.#invoke(request, service, frame);
    } catch (error) {
      frame.settle(this.#failure(service, request.method, error));
      return frame.next();
    }
    if (isThenable(result)) {
      // Promise.resolve adopts a promise or any thenable (a hostile `then` included).
      Promise.resolve(result).then(
        (value) => frame.settle(this.#returned(service, request.method, value)),
        (error: unknown) => frame.settle(this.#failure(service, request.method, error)),
      );
    } else {
      frame.settle(this.#returned(service, request.method, result));
    }
    // Block calls the service made before it returned go out first.
    return frame.next();
  }

  /** Finds the member the request names and calls it; throws what it throws. */
  #invoke(request: Call, service: string, frame: Frame): unknown {
    const { target, method } = request;
    const value = typeof target === "string" ? this.registry.lookup(target) : target;
    if (value === undefined) throw new CallError("NameError", `no service is bound at ${service}`);
    const member = findMember(value, method);
    if (!member) {
      throw new CallError(
        "NoMethodError",
        `undefined method '${method}' for ${service} (not a member the guest may call)`,
      );
    }
    const args: unknown[] = request.args;
    if (request.kwargs && Object.keys(request.kwargs).length > 0) args.push(request.kwargs);
    if (request.block) args.push(frame.block);
    if (member.kind === "property") {
      if (args.length > 0) {
        throw new CallError(
          "ArgumentError",
          `${method} of ${service} is a property: read it without arguments or a block`,
        );
      }
      return member.read();
    }
    return Reflect.apply(member.fn, member.self, args);
  }

  #returned(service: string, method: string, value: unknown): Uint8Array {
    try {
      return encodeReturnReply(value, this.#encode);
    } catch (error) {
      return this.#failure(service, method, error);
    }
  }

  #failure(service: string, method: string, thrown: unknown): Uint8Array {
    // What a service threw may be anything, a hostile Proxy included: only our own classes are
    // looked into, and describeThrown never throws.
    if (isInstance(thrown, HandleExhaustedError)) this.#fatal ??= thrown;
    const klass = isInstance(thrown, CallError) ? thrown.klass : undefined;
    let { name, message } = describeThrown(thrown);
    if (isInstance(thrown, WireError) && thrown.reason === "too-large") {
      message = `the result of ${service}.${method} exceeds the ${describeSize(MAX_PAYLOAD)} payload cap`;
    } else if (isInstance(thrown, WireError)) {
      message = `the result of ${service}.${method} cannot be passed to Ruby: ${message}`;
    }
    return this.#record({ service, method, name: klass ?? name, message, thrown });
  }

  #refuse(klass: string, message: string): Uint8Array {
    return this.#record({
      service: "(unknown)",
      method: "(unknown)",
      name: klass,
      message,
      thrown: undefined,
    });
  }

  /** Keeps `failure` under a new id and returns the error reply that carries it. */
  #record(failure: Omit<ServiceFailure, "id">): Uint8Array {
    const id = ++this.#lastFailure;
    this.#failures.set(id, { id, ...failure });
    if (this.#failures.size > FAILURES_KEPT) this.#failures.delete(id - FAILURES_KEPT);
    return encodeErrorReply(failure.name, failure.message, id);
  }

  /** Runs an encoding; a full handle table becomes the invocation's outcome. */
  #guard<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (error instanceof HandleExhaustedError) this.#fatal ??= error;
      throw error;
    }
  }
}
