import { describe, expect, it } from "vitest";
import {
  decodeServiceRequest,
  encodeBlockReply,
  encodeErrorReply,
  encodeInvocation,
  encodeReturnReply,
  encodeWire,
  MAX_PAYLOAD,
  WireError,
} from "../src/wire/index.js";
import { hex, toHex } from "./support/hex.js";

const ascii = (text: string) => toHex(new TextEncoder().encode(text));

describe("invocation requests (docs/ABI.md, ABI 2)", () => {
  it("encodes an eval with neither services nor snippets", () => {
    expect(toHex(encodeInvocation([], [], { kind: "eval", source: "1" }))).toBe(
      "93 90 90 92 00 a1 31",
    );
  });

  it("encodes services, source and RITE snippets, and a compile", () => {
    const bytes = encodeInvocation(
      [["KV", ["Get", "Set"]]],
      [
        { name: "A", code: "A=1" },
        { name: "B", code: Uint8Array.of(0x52, 0x49) },
      ],
      { kind: "compile", source: "x" },
    );
    expect(toHex(bytes)).toBe(
      [
        "93",
        `91 92 a2 ${ascii("KV")} 92 a3 ${ascii("Get")} a3 ${ascii("Set")}`,
        `92 93 a1 41 00 a3 ${ascii("A=1")} 93 a1 42 01 c4 02 52 49`,
        "92 02 a1 78",
      ].join(" "),
    );
  });

  it("B23 encodes run arguments and keywords, non-representable leaves as Handles", () => {
    const point = new (class Point {})();
    const handles: object[] = [];
    const bytes = encodeInvocation(
      [],
      [],
      { kind: "run", target: "Adder", args: [1, point], kwargs: { by: point } },
      { toHandle: (value) => handles.push(value) },
    );
    expect(toHex(bytes)).toBe(
      `93 90 90 94 01 a5 ${ascii("Adder")} 92 01 d6 02 00 00 00 01 c7 0a 03 92 a2 ${ascii("by")} d6 02 00 00 00 02`,
    );
    expect(handles).toEqual([point, point]);
    expect(
      toHex(encodeInvocation([], [], { kind: "run", target: "A", args: [], kwargs: undefined })),
    ).toBe("93 90 90 94 01 a1 41 90 c0");
  });

  it("B27 refuses a request past the payload cap", () => {
    const error = (() => {
      try {
        encodeInvocation([], [], { kind: "eval", source: "x".repeat(64) }, { limit: 32 });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(WireError);
    expect((error as WireError).reason).toBe("too-large");
  });
});

describe("service requests and replies", () => {
  it("decodes a call to a path, with keywords and a block", () => {
    const bytes = hex(
      `96 00 a7 ${ascii("KV::Get")} a4 ${ascii("call")} 91 a1 6b d6 03 92 a1 6e 01 c3`,
    );
    expect(decodeServiceRequest(bytes)).toEqual({
      form: "call",
      target: "KV::Get",
      method: "call",
      args: ["k"],
      kwargs: { n: 1 },
      block: true,
    });
  });

  it("decodes a call to a Handle through the resolver", () => {
    const target = {};
    const bytes = hex(`96 00 d6 02 00 00 00 07 a1 6d 90 c0 c2`);
    expect(decodeServiceRequest(bytes, (id) => (id === 7 ? target : undefined))).toMatchObject({
      target,
      method: "m",
    });
  });

  it("decodes block answers: value, error (map) and non-local exit", () => {
    expect(decodeServiceRequest(hex("92 01 05"))).toEqual({ form: "block-value", value: 5 });
    expect(
      decodeServiceRequest(hex(`92 02 82 a5 ${ascii("klass")} a1 45 a7 ${ascii("message")} a1 6d`)),
    ).toEqual({ form: "block-error", klass: "E", message: "m" });
    expect(decodeServiceRequest(hex("92 03 c0"))).toEqual({ form: "block-exit" });
  });

  it.each(["c1", "90", "92 09 00", "96 00 01 a1 6d 90 c0 c2", "96 00 a1 41 a1 6d 01 c0 c2"])(
    "refuses the malformed request %s",
    (bytes) => {
      expect(() => decodeServiceRequest(hex(bytes))).toThrow(WireError);
    },
  );

  it("encodes the three replies", () => {
    expect(toHex(encodeReturnReply(null))).toBe("92 00 c0");
    expect(toHex(encodeReturnReply({ a: 1 }))).toBe("92 00 d6 03 92 a1 61 01");
    expect(toHex(encodeErrorReply("E", "m"))).toBe(
      `92 01 82 a5 ${ascii("klass")} a1 45 a7 ${ascii("message")} a1 6d`,
    );
    expect(toHex(encodeBlockReply([1, "x"]))).toBe("92 02 92 01 a1 78");
    expect(toHex(encodeReturnReply(new Date(0), { toHandle: () => 3 }))).toBe(
      "92 00 d6 02 00 00 00 03",
    );
  });

  it("B27 refuses a reply past the cap", () => {
    expect(() => encodeReturnReply("x".repeat(MAX_PAYLOAD), { limit: MAX_PAYLOAD })).toThrow(
      /payload cap/,
    );
    expect(encodeWire("x".repeat(100), { limit: 200 }).byteLength).toBe(102);
  });
});
