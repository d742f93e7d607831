// The smallest page that uses kobako: one sandbox, one eval. performance.now() counts from the
// navigation's start, so `at` is navigation → first result.
import { Sandbox } from "@kobako/browser";

const sandbox = new Sandbox();
const value = await sandbox.eval("nil");
globalThis.benchFirst = { at: performance.now(), value };
