// The e2e servers' ports: 4310-4314, or from E2E_PORT_BASE on a machine where another run
// holds those.
const base = Number(process.env.E2E_PORT_BASE ?? 4310);

export const PREVIEW_PORT = base;
export const DEV_PORT = base + 1;
export const PREBUNDLED_PORT = base + 2;
export const ISOLATED_PORT = base + 3;
export const STATIC_PORT = base + 4;
