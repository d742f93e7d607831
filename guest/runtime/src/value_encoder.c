#include "value_encoder.h"

#include <mruby/array.h>
#include <mruby/hash.h>
#include <mruby/internal.h>
#include <mruby/string.h>
#include <stdlib.h>
#include <string.h>

#include "binary_string.h"
#include "handle.h"

/* Integers beyond ±(2^53 − 1) travel as ext BigInt so that JavaScript gets a bigint, not a
 * rounded number. */
#define SAFE_INTEGER_MAX INT64_C(9007199254740991)

typedef struct {
  mrb_state *mrb;
  wire_writer *w;
  encode_failure *failure;
  const void *open[KOBAKO_MAX_DEPTH]; /* containers being encoded, to spot cycles */
  int depth;
} encoder;

static bool encode(encoder *e, mrb_value v);

static bool fail(encoder *e, mrb_value culprit, const char *message) {
  e->failure->message = message;
  e->failure->culprit = culprit;
  return false;
}

bool kobako_utf8_valid(const unsigned char *p, size_t len) {
  size_t i = 0;
  while (i < len) {
    unsigned char c = p[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t n;
    uint32_t cp;
    if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (len - i <= n) return false;
    for (size_t k = 1; k <= n; k++) {
      if ((p[i + k] & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3f);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10ffff ||
        (cp >= 0xd800 && cp <= 0xdfff))
      return false;
    i += n + 1;
  }
  return true;
}

/* A String is text (str) when its encoding is UTF-8 and its bytes are valid UTF-8; a binary
 * (ASCII-8BIT) String or one with invalid bytes is bytes (bin, a Uint8Array on the host). */
static bool text_p(mrb_value s) {
  return kobako_utf8_valid((const unsigned char *)RSTRING_PTR(s), (size_t)RSTRING_LEN(s)) &&
         !kobako_binary_string_p(s);
}

static void encode_string(encoder *e, mrb_value s) {
  if (text_p(s)) wire_str(e->w, RSTRING_PTR(s), (size_t)RSTRING_LEN(s));
  else wire_bin(e->w, (const unsigned char *)RSTRING_PTR(s), (size_t)RSTRING_LEN(s));
}

static void encode_symbol_name(encoder *e, mrb_sym sym) {
  mrb_int len;
  const char *name = mrb_sym_name_len(e->mrb, sym, &len);
  wire_str(e->w, name, (size_t)len);
}

static bool enter(encoder *e, mrb_value container) {
  const void *p = mrb_ptr(container);
  for (int i = 0; i < e->depth; i++)
    if (e->open[i] == p) return fail(e, container, "cyclic value cannot cross to the host");
  if (e->depth == KOBAKO_MAX_DEPTH) return fail(e, container, "value nested deeper than 128 levels");
  e->open[e->depth++] = p;
  return true;
}

static bool encode_array(encoder *e, mrb_value a) {
  if (!enter(e, a)) return false;
  mrb_int n = RARRAY_LEN(a);
  wire_array_header(e->w, (uint32_t)n);
  for (mrb_int i = 0; i < n; i++)
    if (!encode(e, RARRAY_PTR(a)[i])) return false;
  e->depth--;
  return true;
}

static bool is_dict_key(mrb_value k) {
  if (mrb_symbol_p(k)) return true;
  return mrb_string_p(k) && text_p(k);
}

static int check_dict_key(mrb_state *mrb, mrb_value key, mrb_value val, void *data) {
  (void)mrb;
  (void)val;
  if (is_dict_key(key)) return 0;
  *(bool *)data = false;
  return 1; /* stop */
}

typedef struct {
  encoder *e;
  bool dict;
  bool ok;
} pair_walk;

static int encode_pair(mrb_state *mrb, mrb_value key, mrb_value val, void *data) {
  (void)mrb;
  pair_walk *walk = data;
  encoder *e = walk->e;
  if (walk->dict && mrb_symbol_p(key)) encode_symbol_name(e, mrb_symbol(key));
  else if (!encode(e, key)) goto stop;
  if (!encode(e, val)) goto stop;
  return 0;
stop:
  walk->ok = false;
  return 1;
}

static bool encode_hash(encoder *e, mrb_value h) {
  if (!enter(e, h)) return false;
  bool dict = true;
  mrb_hash_foreach(e->mrb, mrb_hash_ptr(h), check_dict_key, &dict);
  mrb_int n = mrb_hash_size(e->mrb, h);
  size_t at = wire_ext_begin(e->w);
  wire_array_header(e->w, (uint32_t)(n * 2));
  pair_walk walk = {e, dict, true};
  mrb_hash_foreach(e->mrb, mrb_hash_ptr(h), encode_pair, &walk);
  if (!walk.ok) return false;
  wire_ext_finish(e->w, at, dict ? KOBAKO_EXT_DICT : KOBAKO_EXT_MAP);
  e->depth--;
  return true;
}

static void encode_integer(encoder *e, mrb_int i) {
  if (i >= -SAFE_INTEGER_MAX && i <= SAFE_INTEGER_MAX) {
    wire_int(e->w, i);
    return;
  }
  uint8_t be[8];
  for (int k = 0; k < 8; k++) be[k] = (uint8_t)((uint64_t)i >> (8 * (7 - k)));
  wire_ext_header(e->w, KOBAKO_EXT_BIGINT, 8);
  wire_raw(e->w, be, 8);
}

static int hex_digit(char c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c - 'A' + 10;
}

/* A big integer (beyond int64: mruby-bigint normalises everything else to a machine integer) as
 * ext BigInt with the fewest two's-complement big-endian bytes that hold it and its sign. */
static bool encode_bigint(encoder *e, mrb_value v) {
  int arena = mrb_gc_arena_save(e->mrb);
  mrb_value hex = mrb_bint_to_s(e->mrb, v, 16);
  const char *p = RSTRING_PTR(hex);
  size_t len = (size_t)RSTRING_LEN(hex);
  bool negative = len > 0 && p[0] == '-';
  if (negative) p++, len--;
  size_t n = len / 2 + 1; /* magnitude bytes plus one for the sign */
  uint8_t *bytes = malloc(n);
  if (!bytes) {
    mrb_gc_arena_restore(e->mrb, arena);
    return fail(e, v, "out of memory encoding a big integer");
  }
  memset(bytes, 0, n);
  for (size_t i = 0; i < len; i++) { /* from the least significant digit */
    int d = hex_digit(p[len - 1 - i]);
    bytes[n - 1 - i / 2] |= (uint8_t)(i % 2 ? d << 4 : d);
  }
  if (negative) { /* two's complement: invert and add one */
    unsigned carry = 1;
    for (size_t i = n; i-- > 0;) {
      unsigned b = (uint8_t)~bytes[i] + carry;
      bytes[i] = (uint8_t)b;
      carry = b >> 8;
    }
  }
  /* Drop leading bytes that only repeat the sign. */
  size_t skip = 0;
  while (n - skip > 1 && ((bytes[skip] == 0x00 && !(bytes[skip + 1] & 0x80)) ||
                          (bytes[skip] == 0xff && (bytes[skip + 1] & 0x80))))
    skip++;
  wire_ext_header(e->w, KOBAKO_EXT_BIGINT, (uint32_t)(n - skip));
  wire_raw(e->w, bytes + skip, n - skip);
  free(bytes);
  mrb_gc_arena_restore(e->mrb, arena);
  return true;
}

static bool encode(encoder *e, mrb_value v) {
  switch (mrb_type(v)) {
  case MRB_TT_FALSE:
    if (mrb_nil_p(v)) wire_nil(e->w);
    else wire_bool(e->w, false);
    return true;
  case MRB_TT_TRUE:
    wire_bool(e->w, true);
    return true;
  case MRB_TT_INTEGER:
    encode_integer(e, mrb_integer(v));
    return true;
  case MRB_TT_BIGINT:
    return encode_bigint(e, v);
  case MRB_TT_FLOAT:
    wire_float(e->w, mrb_float(v));
    return true;
  case MRB_TT_SYMBOL: {
    mrb_int len;
    const char *name = mrb_sym_name_len(e->mrb, mrb_symbol(v), &len);
    wire_ext_header(e->w, KOBAKO_EXT_SYMBOL, (uint32_t)len);
    wire_raw(e->w, name, (size_t)len);
    return true;
  }
  case MRB_TT_STRING:
    encode_string(e, v);
    return true;
  case MRB_TT_ARRAY:
    return encode_array(e, v);
  case MRB_TT_HASH:
    return encode_hash(e, v);
  case MRB_TT_DATA: {
    uint32_t id;
    if (!kobako_handle_id(e->mrb, v, &id)) break;
    uint8_t be[4] = {(uint8_t)(id >> 24), (uint8_t)(id >> 16), (uint8_t)(id >> 8), (uint8_t)id};
    wire_ext_header(e->w, KOBAKO_EXT_HANDLE, 4);
    wire_raw(e->w, be, 4);
    return true;
  }
  default:
    break;
  }
  return fail(e, v, "value has no mapping to the host");
}

bool kobako_encode_value(mrb_state *mrb, wire_writer *w, mrb_value v, encode_failure *failure) {
  encoder e = {.mrb = mrb, .w = w, .failure = failure, .depth = 0};
  failure->message = NULL;
  failure->culprit = mrb_nil_value();
  return encode(&e, v);
}
