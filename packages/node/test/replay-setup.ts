// The "replay" project of vitest.config.ts: the host behaves as a page that is not cross-origin
// isolated, so it cannot share memory with its workers; Node has no JS Promise Integration, so
// `channel: "auto"` falls back to deterministic re-execution (src/channel/replay.ts in core), as
// in WebKit. Every service test then runs over that channel.
(globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated = false;
