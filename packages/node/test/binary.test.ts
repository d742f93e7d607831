// Binary strings across the boundary: a String whose encoding is ASCII-8BIT is bytes
// (Uint8Array) on the host whatever its bytes, a Uint8Array comes in as a binary String, and a
// UTF-8 String is text unless its bytes are invalid UTF-8.
import { afterAll, describe, expect, it } from "vitest";
import { Sandbox } from "../dist/index.js";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("binary strings guest → host", () => {
  const sandbox = new Sandbox();
  afterAll(() => sandbox.close());

  it.each([
    ['"é".b', bytes("é")],
    ['"abc".b', bytes("abc")],
    ['"".b', new Uint8Array()],
    ['"abc".force_encoding("BINARY")', bytes("abc")],
    ['"abc".dup.force_encoding(Encoding::ASCII_8BIT)', bytes("abc")],
    ['"abc".encode("BINARY")', bytes("abc")],
    ['"é".b.dup', bytes("é")],
    ['"é".b.clone', bytes("é")],
    ['[104, 105].pack("C*")', bytes("hi")],
    ['["abc"].pack("a*")', bytes("abc")],
    ['[1].pack("N")', Uint8Array.of(0, 0, 0, 1)],
    ['"\\xff\\xfe"', Uint8Array.of(0xff, 0xfe)],
  ])("%s is a Uint8Array", async (ruby, expected) => {
    expect(await sandbox.eval(ruby)).toEqual(expected);
  });

  it("random bytes are binary", async () => {
    const value = await sandbox.eval("[Random.bytes(3), Random.new(7).bytes(5)]");
    expect(value).toEqual([expect.any(Uint8Array), expect.any(Uint8Array)]);
    expect((value as Uint8Array[]).map((b) => b.length)).toEqual([3, 5]);
  });

  it.each([
    ['"héllo"', "héllo"],
    ['"abc".b.force_encoding("UTF-8")', "abc"],
    ['"é".b.force_encoding("UTF-8")', "é"],
    ['[233].pack("U")', "é"],
    ['["abc"].pack("m0")', "YWJj"],
    ['["abc"].pack("m")', "YWJj\n"],
  ])("%s stays a string", async (ruby, expected) => {
    expect(await sandbox.eval(ruby)).toEqual(expected);
  });

  it("a binary key makes the hash a Map (a key stays binary when the hash copies it)", async () => {
    const value = await sandbox.eval('h = {"k".b => 1}; h["t"] = 2; h');
    expect(value).toEqual(
      new Map<unknown, unknown>([
        [bytes("k"), 1],
        ["t", 2],
      ]),
    );
  });

  it("binary strings inside arrays and hashes", async () => {
    expect(await sandbox.eval('[{"data" => "\\x00\\x01".b}]')).toEqual([
      { data: Uint8Array.of(0, 1) },
    ]);
  });

  it("survives a script that removes the prelude's binary string helpers", async () => {
    const value = await sandbox.eval(
      's = "abc".b; String.send(:remove_method, :__kobako_binary_inspect); GC.start; [s, "\\xff", (s.inspect rescue "raised")]',
    );
    expect(value).toEqual([bytes("abc"), Uint8Array.of(0xff), "raised"]);
  });
});

describe("binary strings host → guest → host", () => {
  it("a Uint8Array argument of run arrives binary and comes back a Uint8Array", async () => {
    await using sandbox = new Sandbox();
    await sandbox.preload({
      code: "Echo = ->(*a) { a.map { |s| [s, s.encoding.to_s, s.size, s.valid_encoding?] } }",
    });
    const ascii = bytes("plain ascii");
    const utf8 = bytes("é");
    const result = await sandbox.run("Echo", [ascii, utf8, "é", new Uint8Array()]);
    expect(result).toEqual([
      [ascii, "ASCII-8BIT", 11, true],
      [utf8, "ASCII-8BIT", 2, true],
      ["é", "UTF-8", 1, true],
      [new Uint8Array(), "ASCII-8BIT", 0, true],
    ]);
  });

  it("a Uint8Array from a service stays bytes through the guest", async () => {
    await using sandbox = new Sandbox();
    sandbox.define("Blob").bind("Read", () => bytes("GIF89a"));
    const result = await sandbox.eval(
      "b = Blob::Read.call; [b, b.encoding.to_s, b.size, b.dup.force_encoding('UTF-8')]",
    );
    expect(result).toEqual([bytes("GIF89a"), "ASCII-8BIT", 6, "GIF89a"]);
  });

  it("a binary string sent to a service arrives as a Uint8Array", async () => {
    await using sandbox = new Sandbox();
    const seen: unknown[] = [];
    sandbox.define("Sink").bind("Put", (v: unknown) => {
      seen.push(v);
      return null;
    });
    await sandbox.eval('Sink::Put.call("ok".b); Sink::Put.call("ok")');
    expect(seen).toEqual([bytes("ok"), "ok"]);
  });

  it("Uint8Array map keys arrive binary", async () => {
    await using sandbox = new Sandbox();
    await sandbox.preload({ code: "Keys = ->(h) { h.keys.map { |k| k.encoding.to_s } }" });
    const map = new Map<unknown, unknown>([
      [bytes("k"), 1],
      ["t", 2],
    ]);
    expect(await sandbox.run("Keys", [map])).toEqual(["ASCII-8BIT", "UTF-8"]);
  });
});
