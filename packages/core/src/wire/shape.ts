import { ExtType, MAX_DEPTH, WireError } from "./types.js";

/**
 * Most arrays and hashes one decoded payload may hold. A byte of MessagePack can be an empty
 * array, which costs the host tens of bytes of JavaScript heap: without a bound a 16 MiB payload
 * (a result built of shared references costs the guest little) would take the host hundreds of MB.
 */
export const MAX_CONTAINERS = 1 << 20;

/**
 * How deep containers may nest in one payload, as this check counts them: a hash is one level, as
 * are the arrays of an envelope or a request around a value, so values nested to `MAX_DEPTH`
 * always pass. The exact bound on values is enforced by the codecs; this one keeps a payload
 * from nesting millions deep before the decoder sees it.
 */
const MAX_LEVELS = MAX_DEPTH + 8;

interface Frame {
  /** Values still to read at this level. */
  remaining: number;
  level: number;
  /** End offset of an ext Dict/Map payload, which must hold exactly one array; -1 otherwise. */
  end: number;
}

const malformed = (what: string) => new WireError("malformed", `malformed MessagePack: ${what}`);

/**
 * Walks the MessagePack in `bytes` without decoding it and refuses, with a {@link WireError}, a
 * payload whose containers nest deeper than the bound, that holds more than
 * {@link MAX_CONTAINERS} arrays and hashes, or that is cut short. Linear in the number of values;
 * strings and binaries are skipped over.
 */
export function checkShape(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = bytes.byteLength;
  const stack: Frame[] = [{ remaining: 1, level: 0, end: -1 }];
  let containers = 0;
  let pos = 0;

  const need = (count: number) => {
    if (pos + count > size) throw malformed("the data ends inside a value");
  };
  const uint = (width: 1 | 2 | 4) => {
    need(width);
    const value =
      width === 1 ? view.getUint8(pos) : width === 2 ? view.getUint16(pos) : view.getUint32(pos);
    pos += width;
    return value;
  };
  const open = (items: number, level: number, end = -1) => {
    if (++containers > MAX_CONTAINERS) {
      throw new WireError(
        "too-large",
        `the payload holds more than ${MAX_CONTAINERS} arrays and hashes`,
      );
    }
    if (level > MAX_LEVELS) {
      throw new WireError("too-deep", `value nested deeper than ${MAX_DEPTH} levels`);
    }
    // Each item takes at least a byte: a count past what is left cannot be honest.
    if (items > size - pos) throw malformed("a container holds more items than there are bytes");
    stack.push({ remaining: items, level, end });
  };

  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.remaining === 0) {
      stack.pop();
      if (frame.end >= 0 && pos !== frame.end) throw malformed("an extension payload overruns");
      continue;
    }
    frame.remaining--;
    need(1);
    const head = bytes[pos++] as number;
    // Inside a hash extension the first array is the hash itself: one level, not two.
    const level = frame.end >= 0 ? frame.level : frame.level + 1;
    if (head <= 0x7f || head >= 0xe0 || head === 0xc0 || head === 0xc2 || head === 0xc3) continue;
    if (head <= 0x8f) open(2 * (head - 0x80), level);
    else if (head <= 0x9f) open(head - 0x90, level);
    else if (head <= 0xbf) {
      need(head - 0xa0);
      pos += head - 0xa0;
    } else {
      switch (head) {
        case 0xc4:
        case 0xd9:
          skip(uint(1));
          break;
        case 0xc5:
        case 0xda:
          skip(uint(2));
          break;
        case 0xc6:
        case 0xdb:
          skip(uint(4));
          break;
        case 0xc7:
          extension(uint(1), level);
          break;
        case 0xc8:
          extension(uint(2), level);
          break;
        case 0xc9:
          extension(uint(4), level);
          break;
        case 0xca:
        case 0xce:
        case 0xd2:
          skip(4);
          break;
        case 0xcb:
        case 0xcf:
        case 0xd3:
          skip(8);
          break;
        case 0xcc:
        case 0xd0:
          skip(1);
          break;
        case 0xcd:
        case 0xd1:
          skip(2);
          break;
        case 0xd4:
          extension(1, level);
          break;
        case 0xd5:
          extension(2, level);
          break;
        case 0xd6:
          extension(4, level);
          break;
        case 0xd7:
          extension(8, level);
          break;
        case 0xd8:
          extension(16, level);
          break;
        case 0xdc:
          open(uint(2), level);
          break;
        case 0xdd:
          open(uint(4), level);
          break;
        case 0xde:
          open(2 * uint(2), level);
          break;
        case 0xdf:
          open(2 * uint(4), level);
          break;
        default:
          throw malformed(`byte 0x${head.toString(16)} starts no value`);
      }
    }
  }

  function skip(length: number): void {
    need(length);
    pos += length;
  }

  function extension(length: number, level: number): void {
    need(1 + length);
    const type = view.getInt8(pos);
    pos += 1;
    if (type === ExtType.Dict || type === ExtType.Map) {
      // The payload is one array of keys and values, walked like any other.
      open(1, level, pos + length);
    } else {
      pos += length;
    }
  }
}
