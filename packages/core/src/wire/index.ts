export { type EncodeOptions, encodeWire } from "./encode.js";
export { decodeWire } from "./extensions.js";
export { decodeResponse, type FailureKind, type Outcome } from "./response.js";
export { ExtType, MAX_DEPTH, WireError, type WireErrorReason } from "./types.js";
