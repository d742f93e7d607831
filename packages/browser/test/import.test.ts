// B81: importing the package never throws and builds nothing, whatever the bundle format.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterEach, describe, expect, it, vi } from "vitest";

const root = dirname(dirname(fileURLToPath(import.meta.url)));

async function bundle(format: "iife" | "cjs"): Promise<string> {
  const result = await build({
    entryPoints: [join(root, "src/index.ts")],
    bundle: true,
    format,
    globalName: "kobako",
    platform: "neutral",
    mainFields: ["module", "main"],
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("B81 importing @kobako/browser", () => {
  for (const format of ["iife", "cjs"] as const) {
    it(`does not throw in an esbuild ${format} bundle (no import.meta.url), and says what to pass`, async () => {
      const code = await bundle(format);
      const module = { exports: {} as Record<string, unknown> };
      const scope: { kobako?: Record<string, unknown> } = {};
      // The bundle runs as a classic script or CommonJS module would: no import.meta at all.
      const expose = format === "iife" ? "\n;self.kobako = kobako;" : "";
      new Function("module", "exports", "self", `${code}${expose}`)(module, module.exports, scope);
      const kobako = (
        format === "cjs" ? module.exports : scope.kobako
      ) as typeof import("../src/index.js");
      vi.stubGlobal("Worker", class {});
      const sandbox = new kobako.Sandbox();
      const error = await sandbox.eval("1").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(kobako.SetupError);
      expect((error as Error).message).toMatch(/pass createPlatform\({ workerUrl, wasmUrl }\)/);
      await sandbox.close();
    });
  }

  it("does not throw in Node, where the first invocation says why it cannot run", async () => {
    const kobako = await import("../src/index.js");
    const sandbox = new kobako.Sandbox();
    await expect(sandbox.eval("1")).rejects.toBeInstanceOf(kobako.SetupError);
    await sandbox.close();
  });
});
