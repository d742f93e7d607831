// The smallest page that uses kobako: one sandbox, one eval. performance.now() counts from the
// navigation's start, so `at` is navigation → first result, and `module` is when this module (its
// imports loaded) began to run.
import { Sandbox } from "@kobako/browser";

const module = performance.now();
const sandbox = new Sandbox();
const value = await sandbox.eval("nil");
globalThis.benchFirst = { at: performance.now(), module, value };
