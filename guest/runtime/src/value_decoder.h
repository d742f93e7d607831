/* Decodes a MessagePack "value" of docs/ABI.md from the host into an mruby value. */
#ifndef KOBAKO_VALUE_DECODER_H
#define KOBAKO_VALUE_DECODER_H

#include <mruby.h>

#include "wire_reader.h"

/* Reads one value; raises ArgumentError on malformed input (nesting past KOBAKO_MAX_DEPTH
 * included). Hash keys of a Dict become Strings, or Symbols when symbol_keys is true (keyword
 * arguments). */
mrb_value kobako_decode_value(mrb_state *mrb, wire_reader *r, mrb_bool symbol_keys);

#endif
