// The one place that decides how a worker's guest reaches the host. Adding a mode is adding its
// file and its line in MODES.
import { atomicsChannel } from "./atomics.js";
import type {
  ChannelInit,
  ChannelKind,
  ChannelMode,
  ChannelPreference,
  GuestAccess,
  GuestRun,
  HostEnd,
  WorkerEnd,
} from "./contract.js";
import { InThreadHostEnd, InThreadLink } from "./in-thread.js";
import { jspiChannel } from "./jspi.js";
import { replayChannel } from "./replay.js";

/** The modes, in the order `"auto"` tries them: the cheapest per call first. */
const MODES: readonly ChannelKind[] = [atomicsChannel, jspiChannel, replayChannel];

function candidates(preference: ChannelPreference): readonly ChannelKind[] {
  return preference === "auto" ? MODES : MODES.filter((kind) => kind.mode === preference);
}

/**
 * Host, before a worker starts: what its `init` carries for the modes the host can offer. `to`
 * is the worker's end of a `MessageChannel`, or an {@link InThreadLink} when the worker runtime
 * runs on the host's thread.
 */
export function offerChannel(
  to: MessagePort | InThreadLink,
  preference: ChannelPreference,
): ChannelInit {
  const init: ChannelInit =
    to instanceof InThreadLink ? { inThread: to, preference } : { port: to, preference };
  for (const kind of candidates(preference)) kind.offer(init);
  return init;
}

/**
 * Worker: the end of the first mode the preference allows that works here. Throws when a forced
 * mode does not (the worker then fails to start). Without `init` (a runtime with no host to call,
 * as in tests) every service call fails.
 */
export function openWorkerEnd(init: ChannelInit | undefined, guest: GuestAccess): WorkerEnd {
  if (!init) return new UnconnectedEnd();
  const reasons: string[] = [];
  for (const kind of candidates(init.preference)) {
    const lacking = kind.lacking(init);
    if (lacking === undefined) return kind.worker(init, guest);
    reasons.push(lacking);
  }
  throw new Error(reasons.join("; ") || `unknown service channel "${init.preference}"`);
}

/**
 * Host, once the worker said which mode it uses: the host's end of it, on `port` (the host's end
 * of the `MessageChannel`), or on the in-thread link `init` carries.
 */
export function openHostEnd(
  mode: ChannelMode,
  port: MessagePort | undefined,
  init: ChannelInit,
): HostEnd {
  const kind = MODES.find((candidate) => candidate.mode === mode);
  if (!kind) throw new Error(`the worker chose an unknown service channel "${mode}"`);
  const link = init.inThread;
  if (link instanceof InThreadLink) return new InThreadHostEnd(mode, link);
  if (!port) throw new Error("the host's end of the channel has no port");
  return kind.host(port, init);
}

const UNCONNECTED = "this worker runtime has no host to call: service calls fail";

/** A worker runtime used alone (tests, fuzzing): every service call fails with a clear message. */
class UnconnectedEnd implements WorkerEnd {
  readonly mode = "none" as const;
  readonly freezesClock = false;
  deadline = Number.POSITIVE_INFINITY;
  epoch = 0;
  #failure: string | undefined;

  readonly serviceCall = (): number => {
    this.#failure = UNCONNECTED;
    return -1;
  };

  run(invocation: GuestRun): number {
    const { entry, length } = invocation.start();
    return entry(length);
  }

  takeFailure(): string | undefined {
    const failure = this.#failure;
    this.#failure = undefined;
    return failure;
  }
}
