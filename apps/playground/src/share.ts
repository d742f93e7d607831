/**
 * Share links: the code and the services travel in the URL fragment, so a link works on any
 * static host and nothing is sent to a server (browsers never send the fragment).
 *
 * Format: `#v1.` + base64url(deflate-raw(JSON)). CompressionStream is in every current engine
 * (and in Node), so there is no dependency; the version prefix lets a later format keep old
 * links readable.
 */

export interface Shared {
  code: string;
  services: string;
}

const PREFIX = "v1.";

export async function encodeShare(shared: Shared): Promise<string> {
  const json = JSON.stringify({ code: shared.code, services: shared.services });
  const bytes = await pipe(new TextEncoder().encode(json), new CompressionStream("deflate-raw"));
  return PREFIX + toBase64Url(bytes);
}

/** The shared code and services of a fragment (with or without its `#`), or undefined if it holds none. */
export async function decodeShare(fragment: string): Promise<Shared | undefined> {
  const payload = fragment.replace(/^#/, "");
  if (!payload.startsWith(PREFIX)) return undefined;
  try {
    const bytes = await pipe(
      fromBase64Url(payload.slice(PREFIX.length)),
      new DecompressionStream("deflate-raw"),
    );
    const data: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof data !== "object" || data === null) return undefined;
    const { code, services } = data as Record<string, unknown>;
    if (typeof code !== "string" || typeof services !== "string") return undefined;
    return { code, services };
  } catch {
    return undefined; // a truncated or hand-edited link: fall back to the saved code
  }
}

async function pipe(input: Uint8Array, transform: CompressionStream | DecompressionStream) {
  const stream = new Blob([input as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  // Chunks keep String.fromCharCode's argument count well under engines' limits.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
