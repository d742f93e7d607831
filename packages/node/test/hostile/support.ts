import type { Platform, WorkerHandle } from "@kobako/core";
import { createPlatform, type PlatformOptions } from "../../dist/index.js";

/** A platform of its own whose workers a test can count and kill, as a crash would. */
export interface TrackedPlatform {
  readonly platform: Platform;
  /** Every worker started so far, oldest first. */
  readonly workers: readonly WorkerHandle[];
}

export function trackedPlatform(options: PlatformOptions = {}): TrackedPlatform {
  const base = createPlatform({ maxWorkers: 1, ...options });
  const workers: WorkerHandle[] = [];
  const platform: Platform = {
    ...base,
    async startWorker() {
      const handle = await base.startWorker();
      workers.push(handle);
      return handle;
    },
  };
  return { platform, workers };
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `task` while a timer ticks every 5 ms on this thread; resolves to the task's outcome and
 * the longest gap between ticks, which shows whether the host's event loop stayed free.
 */
export async function withTicker<T>(
  task: () => Promise<T>,
): Promise<{ outcome: PromiseSettledResult<T>; longestGap: number; ticks: number }> {
  let last = performance.now();
  let longestGap = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    ticks++;
  }, 5);
  try {
    const [outcome] = await Promise.allSettled([task()]);
    return { outcome: outcome as PromiseSettledResult<T>, longestGap, ticks };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Settles like `promise`, or rejects after `ms` ms: a call that never settles fails the test
 * instead of hanging it.
 */
export function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not settle within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
