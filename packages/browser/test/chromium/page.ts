// The page script of the Chromium harness: exposes the package to page.evaluate.
import * as kobako from "../../src/index.js";

(globalThis as unknown as { kobako: typeof kobako }).kobako = kobako;
document.title = "ready";
