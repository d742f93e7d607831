// The "in-thread" project of vitest.config.ts: the package's default platform becomes an
// in-thread one (createInThreadPlatform), so the service tests run with the guest on the test's
// own thread, as on hosts without workers. Node has no JSPI: async services wait by replay.
import { createInThreadPlatform, defaultPlatform } from "../dist/index.js";

for (const key of Object.keys(defaultPlatform)) delete (defaultPlatform as never)[key];
Object.assign(defaultPlatform, createInThreadPlatform({ maxInstances: 4 }));
