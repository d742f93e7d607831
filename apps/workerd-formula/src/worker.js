// A Cloudflare Worker that evaluates a user's formula (Ruby) against the request it came with.
// kobako runs in its in-thread mode: workerd has no workers and compiles no wasm from bytes, so
// kobako.wasm is imported as a module and the guest runs on the request's own thread.
//
//   GET  /?formula=Http::Req.number("price")*Http::Req.number("qty")&price=3&qty=4  → {"value":12}
//   POST /?formula=… with a JSON body                  (Http::Req.json reads it)
//   POST / with the formula as a text body
import { createInThreadPlatform, Sandbox, TimeoutError } from "@kobako/core";
import kobako from "./kobako.wasm";

// One platform per isolate: its guest instance is booted once and reused; every request still
// gets a fresh Ruby state (and a fresh sandbox with its own services).
const platform = createInThreadPlatform({ module: kobako });

/**
 * What a formula may read of its request, as `Http::Req`: `Http::Req.number("qty")`,
 * `Http::Req.param("name")`, `Http::Req.header("user-agent")`, `Http::Req.method`, and
 * `Http::Req.json` (async: the JSON body, awaited with JSPI where workerd has it, else by replay).
 */
function bindRequest(sandbox, request, url, body) {
  sandbox.define("Http").bind("Req", {
    param: (name) => url.searchParams.get(String(name)),
    number(name) {
      const text = url.searchParams.get(String(name));
      const value = Number(text);
      if (text === null || !Number.isFinite(value)) {
        throw new TypeError(`parameter ${name} is not a number`);
      }
      return value;
    },
    header: (name) => request.headers.get(String(name)),
    method: request.method,
    json: async () => (body === undefined ? null : JSON.parse(await body)),
  });
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === "/health") return new Response("ok");
    const formula =
      url.searchParams.get("formula") ??
      (request.headers.get("content-type")?.includes("json") ? null : await request.text());
    if (!formula) return Response.json({ error: "no formula" }, { status: 400 });
    const body = request.headers.get("content-type")?.includes("json") ? request.text() : undefined;
    // A fresh sandbox per request: cheap (a host object); the guest instance is the platform's.
    const sandbox = new Sandbox(
      { timeout: 100, memoryLimit: 8 << 20, stdoutLimit: 4 << 10 },
      platform,
    );
    bindRequest(sandbox, request, url, body);
    const started = performance.now();
    try {
      const value = await sandbox.eval(formula);
      return Response.json({
        value,
        stdout: sandbox.stdout,
        threading: sandbox.threading,
        channel: platform.channel,
        ms: performance.now() - started,
      });
    } catch (error) {
      // kobako's errors (SandboxError, ServiceError, MemoryLimitError, …) carry an origin.
      const status = error instanceof TimeoutError ? 408 : error?.origin ? 422 : 500;
      return Response.json(
        { error: error?.name ?? "Error", class: error?.klass, message: String(error?.message) },
        { status },
      );
    } finally {
      await sandbox.close();
    }
  },
};
