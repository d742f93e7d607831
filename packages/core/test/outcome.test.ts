import { describe, expect, it } from "vitest";
import {
  BytecodeError,
  MemoryLimitError,
  SandboxError,
  ServiceError,
  TimeoutError,
  TrapError,
} from "../src/errors.js";
import type { ServiceFailure } from "../src/host/dispatch.js";
import { type Facts, type Settled, settle } from "../src/host/outcome.js";
import type { EvalResult } from "../src/protocol.js";
import { encodeWire } from "../src/wire/index.js";

const empty = new Uint8Array(0);

function facts(failures: ServiceFailure[] = [], issued = failures.length): Facts {
  return {
    timeout: 250,
    memoryLimit: 4096,
    fatal: undefined,
    failure: (id) =>
      failures.find((f) => f.id === id) ?? (id >= 1 && id <= issued ? "forgotten" : undefined),
    resolveHandle: () => {
      throw new Error("no handles here");
    },
  };
}

function result(envelope: unknown, extra: Partial<EvalResult> = {}): EvalResult {
  return {
    envelope: encodeWire(envelope),
    stdout: empty,
    stderr: empty,
    stdoutTruncated: false,
    stderrTruncated: false,
    wallTime: 1,
    memoryPeak: 0,
    ...extra,
  };
}

function guestSays(message: string, failure?: number, kind = "service") {
  return [
    1,
    {
      kind,
      klass: "Kobako::ServiceError",
      message,
      backtrace: ["(eval):1"],
      ...(failure === undefined ? {} : { failure }),
    },
  ];
}

function seen(id: number, message: string, thrown: unknown): ServiceFailure {
  return { id, service: "KV::Get", method: "call", name: "TypeError", message, thrown };
}

function error(settled: Settled): { message: string; details: Record<string, unknown> } & object {
  if (settled.ok) throw new Error("expected an error");
  return settled.error as { message: string; details: Record<string, unknown> };
}

describe("B14 which class an unrescued service failure becomes", () => {
  it("a failure the host saw is a ServiceError with the original as cause", () => {
    const original = new TypeError("bad");
    const settled = settle(
      { kind: "returned", result: result(guestSays("bad", 1)) },
      facts([seen(1, "bad", original)]),
    );
    const e = error(settled) as ServiceError;
    expect(e).toBeInstanceOf(ServiceError);
    expect(e.cause).toBe(original);
    expect(e.details).toMatchObject({ kind: "service", service: "KV::Get", name: "TypeError" });
    expect(e.backtraceLines).toEqual(["(eval):1"]);
  });

  it("picks the failure by the id its reply carried, not by its message", () => {
    const first = new Error("same");
    const second = new Error("same");
    const settled = settle(
      { kind: "returned", result: result(guestSays("same", 1)) },
      facts([seen(1, "same", first), seen(2, "same", second)]),
    );
    expect((error(settled) as ServiceError).cause).toBe(first);
  });

  it("an id the host never gave out is the script's own SandboxError", () => {
    const settled = settle({ kind: "returned", result: result(guestSays("forged", 7)) }, facts());
    const e = error(settled);
    expect(e).toBeInstanceOf(SandboxError);
    expect(e.details.kind).toBe("raise");
  });

  it("an id given out but no longer kept is still a ServiceError", () => {
    const settled = settle(
      { kind: "returned", result: result(guestSays("old", 1)) },
      facts([seen(40, "new", new Error("new"))], 40),
    );
    expect(error(settled)).toBeInstanceOf(ServiceError);
  });

  it("a block's exception a service let through is the script's SandboxError", () => {
    const fromBlock = new SandboxError("boom", { klass: "IndexError", details: { kind: "block" } });
    const settled = settle(
      { kind: "returned", result: result(guestSays("boom", 1)) },
      facts([seen(1, "boom", fromBlock)]),
    );
    const e = error(settled);
    expect(e).toBeInstanceOf(SandboxError);
    expect(e).toMatchObject({ klass: "IndexError", message: "boom" });
  });

  it("a channel that could not reach the host is a ServiceError saying why", () => {
    const settled = settle(
      {
        kind: "returned",
        result: result(guestSays("the host did not answer", 0), { channelFailure: "no channel" }),
      },
      facts(),
    );
    const e = error(settled);
    expect(e).toBeInstanceOf(ServiceError);
    expect(e.message).toBe("no channel");
    expect(e.details.kind).toBe("bridge");
  });

  it("reads the failure under its former name from an older worker runtime", () => {
    const settled = settle(
      {
        kind: "returned",
        result: result(guestSays("the host did not answer", 0), { bridgeFailure: "old name" }),
      },
      facts(),
    );
    expect(error(settled).message).toBe("old name");
  });

  it("other kinds are the script's SandboxError (BytecodeError for RITE)", () => {
    const raised = error(
      settle({ kind: "returned", result: result(guestSays("plain", 1, "raise")) }, facts()),
    );
    expect(raised).toBeInstanceOf(SandboxError);
    expect(raised).toMatchObject({
      message: "plain",
      details: { kind: "raise" },
      origin: "sandbox",
    });
    const bytecode = error(
      settle(
        { kind: "returned", result: result(guestSays("bad", undefined, "bytecode")) },
        facts(),
      ),
    );
    expect(bytecode).toBeInstanceOf(BytecodeError);
  });
});

describe("B60 B61 caps the guest enforced", () => {
  it("a timeout is a TimeoutError naming the timeout and how it ended", () => {
    const envelope = [
      1,
      { kind: "timeout", klass: "Kobako::TimeoutError", message: "x", backtrace: ["(eval):1"] },
    ];
    const e = error(settle({ kind: "returned", result: result(envelope) }, facts()));
    expect(e).toBeInstanceOf(TimeoutError);
    expect(e.message).toBe(
      "the invocation ran past its timeout of 250 ms: the script was stopped at its next deadline check",
    );
    expect(e.details).toEqual({ kind: "timeout", timeout: 250, hard: false, how: "checked" });
    expect(e).toMatchObject({ klass: "Kobako::TimeoutError", backtraceLines: ["(eval):1"] });
  });

  it("B6 each way a deadline ends says what happened", () => {
    const rescued = error(
      settle({ kind: "returned", result: result(null, { deadline: "rescued" }) }, facts()),
    );
    expect(rescued.message).toMatch(/rescued its Kobako::TimeoutError/);
    expect(rescued.message).not.toMatch(/service/);
    const waiting = error(
      settle({ kind: "returned", result: result(null, { deadline: "waiting" }) }, facts()),
    );
    expect(waiting.message).toMatch(/waited on a service/);
    const stopped = error(settle({ kind: "stopped" }, facts()));
    expect(stopped.message).toMatch(/its worker was terminated/);
    expect(stopped.details).toMatchObject({ hard: true });
  });

  it("a memory failure is a MemoryLimitError naming the limit", () => {
    const envelope = [1, { kind: "memory", klass: "NoMemoryError", message: "x", backtrace: [] }];
    const e = error(settle({ kind: "returned", result: result(envelope) }, facts()));
    expect(e).toBeInstanceOf(MemoryLimitError);
    expect(e).toBeInstanceOf(TrapError);
    expect(e.message).toMatch(/memoryLimit of 4096 bytes/);
    expect(e.details).toEqual({ kind: "memory", memoryLimit: 4096 });
  });
});
