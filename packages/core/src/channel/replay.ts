// The replay mode, for engines with neither shared memory nor JS Promise Integration (WebKit on a
// page without isolation, Safari before 27, iOS web views): deterministic re-execution. When the
// guest makes a service request whose reply is not yet recorded, the import throws, which unwinds
// the guest; the worker posts the request, awaits the reply and records it, then runs the
// invocation again from its start (the boot snapshot, the same request, seed and clock), answering
// the requests already made from the record. Each request reaches the host once; a block the
// service calls is one more exchange of the same record. Both ends are here.
import type { ChannelKind, GuestAccess, GuestRun, HostLine, WorkerEnd } from "./contract.js";
import { DeadlineExceeded } from "./contract.js";
import { PostedHostEnd } from "./host-end.js";
import { lineOf, locateRequest, putReply, takeRequest } from "./io.js";

/**
 * Most exchanges (service requests and block answers) one invocation may record. Replaying is
 * quadratic: the nth request runs the script up to it again (docs/ARCHITECTURE.md has figures).
 */
export const MAX_EXCHANGES = 1000;
/** Most bytes of replies one invocation may record. */
export const MAX_RECORDED_BYTES = 64 << 20;

const CAP_FAILURE =
  `the replay channel records at most ${MAX_EXCHANGES} service exchanges and ` +
  `${MAX_RECORDED_BYTES >> 20} MiB of replies per invocation, and this one made more ` +
  "(engines without SharedArrayBuffer or JS Promise Integration; in-thread, only calls to async " +
  "services past the cap fail)";

/** Thrown from the import to unwind the guest; never seen outside this file. */
const UNWIND = Object.freeze({ unwind: "kobako replay" });

interface Pending {
  readonly request: Uint8Array | number;
  /** The host's reply, on its way. */
  readonly reply: Promise<Uint8Array>;
}

interface Exchange {
  /** The request's bytes, or its length when it was over the payload cap. */
  readonly request: Uint8Array | number;
  readonly reply: Uint8Array;
}

/** A replay that made another request than the recorded run: the script is not deterministic. */
export class ReplayDiverged extends Error {}
ReplayDiverged.prototype.name = "ReplayDiverged";

/** Whether `recorded` equals the `size` bytes at `start` of `view` (or the oversize length). */
function sameRequest(
  recorded: Uint8Array | number,
  view: Uint8Array,
  place: { start: number; size: number } | { oversize: number },
): boolean {
  if ("oversize" in place) return recorded === place.oversize;
  if (typeof recorded === "number" || recorded.byteLength !== place.size) return false;
  const { start } = place;
  for (let i = 0; i < recorded.byteLength; i++) if (recorded[i] !== view[start + i]) return false;
  return true;
}

/** Reads a MessagePack string at `at`: its text and where it ends, or undefined. */
function readString(bytes: Uint8Array, at: number): [string, number] | undefined {
  const head = bytes[at];
  if (head === undefined) return undefined;
  let start = at + 1;
  let length: number;
  if (head >= 0xa0 && head <= 0xbf) length = head - 0xa0;
  else if (head === 0xd9) length = bytes[start++] ?? 0;
  else if (head === 0xda) {
    length = ((bytes[start] ?? 0) << 8) | (bytes[start + 1] ?? 0);
    start += 2;
  } else return undefined;
  const text = new TextDecoder().decode(bytes.subarray(start, start + Math.min(length, 200)));
  return [text, start + length];
}

/** A request in words, for the divergence error: `KV::Get.call`, `the value of a block`, … */
export function describeRequest(request: Uint8Array | number | undefined): string {
  if (request === undefined) return "no request (the script ended)";
  if (typeof request === "number") return `a request of ${request} bytes`;
  const tag = request[1];
  if (tag === 1) return "the value of a block";
  if (tag === 2) return "an error raised in a block";
  if (tag === 3) return "a break out of a block";
  const target = readString(request, 2);
  const method = target ? readString(request, target[1]) : undefined;
  if (target && method) return `${target[0]}.${method[0]}`;
  return method ? `a handle's ${method[0]}` : "a service call";
}

/** The worker's end: records the replies of one invocation and replays them. */
export class ReplayWorkerEnd implements WorkerEnd {
  readonly mode = "replay" as const;
  readonly freezesClock = true;
  deadline = Number.POSITIVE_INFINITY;
  epoch = 0;
  readonly #log: Exchange[] = [];
  #recordedBytes = 0;
  /** The next recorded exchange the running replay reaches. */
  #cursor = 0;
  /** The request that unwound the guest, to post. */
  #pending: Pending | undefined;
  #seq = 0;
  #failure: string | undefined;
  /** In-thread: a sync exchange past the cap went unrecorded, so the run cannot be replayed. */
  #unrecorded = false;
  /** A view of the guest's memory, made again when the memory grows or is replaced. */
  #bytes: Uint8Array | undefined;

  constructor(
    private readonly line: HostLine,
    private readonly guest: GuestAccess,
  ) {}

  readonly serviceCall = (at: number, length: number): number => {
    const memory = this.guest.memory();
    const recorded = this.#log[this.#cursor];
    if (recorded) {
      this.#cursor++;
      // Compared where it lies: a replayed request is never copied.
      const place = locateRequest(memory, at, length);
      const view = this.#view(memory);
      if (!sameRequest(recorded.request, view, place)) {
        const made =
          "oversize" in place ? place.oversize : view.slice(place.start, place.start + place.size);
        this.#diverged(this.#cursor, recorded.request, made);
      }
      return putReply(this.guest, recorded.reply);
    }
    const full = this.#log.length >= MAX_EXCHANGES || this.#recordedBytes > MAX_RECORDED_BYTES;
    if (full && !this.line.immediate) {
      this.#failure = CAP_FAILURE;
      return -1;
    }
    const seq = ++this.#seq;
    const message = takeRequest(memory, at, length, { seq, epoch: this.epoch });
    const request = "call" in message ? message.call : message.oversize;
    // The request is kept (not transferred): replays compare with it.
    const reply = this.line.ask(message, seq, this.deadline, true);
    if (reply instanceof Uint8Array) {
      // In-thread, a sync service answered at once: no unwinding, but the exchange is recorded,
      // since a later async one makes the invocation run again from its start. Past the cap sync
      // calls go on unrecorded, and the invocation can no longer wait on an async one.
      if (full || this.#unrecorded) {
        this.#unrecorded = true;
      } else {
        this.#record(request, reply);
        this.#cursor++;
      }
      return putReply(this.guest, reply);
    }
    // Awaited by #replay once the guest has unwound; never an unhandled rejection meanwhile.
    reply.catch(() => {});
    if (full || this.#unrecorded) {
      this.#failure = CAP_FAILURE;
      return -1;
    }
    this.#pending = { request, reply };
    throw UNWIND;
  };

  #record(request: Uint8Array | number, reply: Uint8Array): void {
    this.#log.push({ request, reply });
    this.#recordedBytes += reply.byteLength;
  }

  #view(memory: WebAssembly.Memory): Uint8Array {
    const buffer = memory.buffer;
    if (this.#bytes?.buffer !== buffer) this.#bytes = new Uint8Array(buffer);
    return this.#bytes;
  }

  run(invocation: GuestRun): number | Promise<number> {
    this.#log.length = 0;
    this.#recordedBytes = 0;
    this.#unrecorded = false;
    const first = this.#attempt(invocation);
    return typeof first === "number" ? first : this.#replay(invocation);
  }

  takeFailure(): string | undefined {
    const failure = this.#failure;
    this.#failure = undefined;
    return failure;
  }

  /** One run of the invocation: its result, or {@link UNWIND} when a new request unwound it. */
  #attempt(invocation: GuestRun): number | typeof UNWIND {
    this.#cursor = 0;
    this.#pending = undefined;
    const { entry, length } = invocation.start();
    let result: number;
    try {
      result = entry(length);
    } catch (error) {
      if (error === UNWIND) return UNWIND;
      throw error;
    }
    if (this.#cursor < this.#log.length) {
      this.#diverged(this.#cursor + 1, this.#log[this.#cursor]?.request, undefined);
    }
    return result;
  }

  async #replay(invocation: GuestRun): Promise<number> {
    for (;;) {
      const pending = this.#pending;
      if (!pending) throw new Error("the replay channel lost the request to send");
      this.#record(pending.request, await pending.reply);
      if (performance.now() >= this.deadline) throw new DeadlineExceeded();
      const result = this.#attempt(invocation);
      if (typeof result === "number") return result;
    }
  }

  #diverged(
    index: number,
    recorded: Uint8Array | number | undefined,
    made: Uint8Array | number | undefined,
  ): never {
    // Past the deadline the guest may have been stopped anywhere: that is a timeout.
    if (performance.now() >= this.deadline) throw new DeadlineExceeded();
    throw new ReplayDiverged(
      `the script did not repeat itself when replayed (replay channel): exchange ${index} ` +
        `was ${describeRequest(recorded)} the first time and ${describeRequest(made)} now. ` +
        "In engines without SharedArrayBuffer or JS Promise Integration an invocation that calls " +
        "services runs again from its start after each call and must do the same each time",
    );
  }
}

export const replayChannel: ChannelKind = {
  mode: "replay",
  offer() {},
  lacking: () => undefined,
  worker: (init, guest: GuestAccess) => new ReplayWorkerEnd(lineOf(init), guest),
  host: (port) => new PostedHostEnd("replay", port),
};
