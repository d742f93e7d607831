/* Encodes an mruby value as the MessagePack "value" of docs/ABI.md. */
#ifndef KOBAKO_VALUE_ENCODER_H
#define KOBAKO_VALUE_ENCODER_H

#include <mruby.h>
#include <stdbool.h>

#include "wire_writer.h"

/* Deepest nesting of arrays and hashes accepted (documented in docs/ABI.md). */
#define KOBAKO_MAX_DEPTH 128

typedef struct {
  const char *message; /* why encoding failed, NULL on success */
  mrb_value culprit;   /* the value that could not be encoded */
} encode_failure;

/* Appends v to w. On false, w holds a partial value and *failure says why. Runs no Ruby code. */
bool kobako_encode_value(mrb_state *mrb, wire_writer *w, mrb_value v, encode_failure *failure);

/* Whether p[0..len) is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF). */
bool kobako_utf8_valid(const unsigned char *p, size_t len);

#endif
