export { type EncodeOptions, encodeWire, ValueEncoder } from "./encode.js";
export { decodeWire } from "./extensions.js";
export { type Action, encodeInvocation, type ServiceSpec, type SnippetSpec } from "./request.js";
export { decodeResponse, type Failure, type FailureKind, type Outcome } from "./response.js";
export {
  decodeServiceRequest,
  encodeBlockReply,
  encodeErrorReply,
  encodeReturnReply,
  type ServiceRequest,
} from "./service.js";
export { checkShape, MAX_CONTAINERS } from "./shape.js";
export { ExtType, MAX_DEPTH, MAX_PAYLOAD, WireError, type WireErrorReason } from "./types.js";
export { describeSize, Writer } from "./writer.js";
