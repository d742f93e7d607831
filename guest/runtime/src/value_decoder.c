#include "value_decoder.h"

#include <mruby/array.h>
#include <mruby/hash.h>
#include <mruby/internal.h>
#include <mruby/string.h>
#include <stdlib.h>

#include "binary_string.h"
#include "handle.h"
#include "value_encoder.h"
#include "wire_writer.h"

static mrb_value decode(mrb_state *mrb, wire_reader *r, int depth, mrb_bool symbol_keys);

static mrb_noreturn void malformed(mrb_state *mrb, const char *what) {
  mrb_raisef(mrb, E_ARGUMENT_ERROR, "malformed value from the host: %s", what);
}

/* ext BigInt: two's complement, big-endian, any length. An Integer when it fits int64, else a
 * big integer (mruby-bigint). */
static mrb_value decode_bigint(mrb_state *mrb, const uint8_t *p, uint32_t len) {
  if (len == 0) malformed(mrb, "empty bigint");
  mrb_bool negative = (p[0] & 0x80) != 0;
  while (len > 1 && ((p[0] == 0x00 && !(p[1] & 0x80)) || (p[0] == 0xff && (p[1] & 0x80)))) p++, len--;
  if (len <= 8) {
    uint64_t v = negative ? UINT64_MAX : 0;
    for (uint32_t i = 0; i < len; i++) v = (v << 8) | p[i];
    return mrb_int_value(mrb, (mrb_int)(int64_t)v);
  }
  /* The magnitude in hex, for mruby-bigint's string constructor. */
  char *hex = malloc((size_t)len * 2);
  if (!hex) mrb_raise(mrb, E_RUNTIME_ERROR, "out of memory decoding a big integer");
  unsigned carry = 1;
  for (uint32_t i = len; i-- > 0;) {
    unsigned b = p[i];
    if (negative) {
      b = (uint8_t)~b + carry;
      carry = b >> 8;
      b &= 0xff;
    }
    hex[i * 2] = "0123456789abcdef"[b >> 4];
    hex[i * 2 + 1] = "0123456789abcdef"[b & 15];
  }
  mrb_value big = mrb_bint_new_str(mrb, hex, (mrb_int)len * 2, negative ? -16 : 16);
  free(hex);
  return big;
}

/* Dict and Map payloads: a MessagePack array [k1, v1, k2, v2, ...]. */
static mrb_value decode_pairs(mrb_state *mrb, const wire_item *ext, int depth, mrb_bool dict,
                              mrb_bool symbol_keys) {
  wire_reader sub;
  wire_item head;
  wire_reader_init(&sub, ext->p, ext->len);
  if (!wire_next(&sub, &head) || head.kind != WIRE_ARRAY || head.len % 2 != 0)
    malformed(mrb, "hash payload is not an array of pairs");
  mrb_value hash = mrb_hash_new_capa(mrb, (mrb_int)(head.len / 2));
  int arena = mrb_gc_arena_save(mrb);
  for (uint32_t i = 0; i < head.len; i += 2) {
    mrb_value key;
    if (dict) {
      wire_item k;
      if (!wire_next(&sub, &k) || k.kind != WIRE_STR) malformed(mrb, "dict key is not a string");
      key = symbol_keys ? mrb_symbol_value(mrb_intern(mrb, (const char *)k.p, k.len))
                        : mrb_str_new(mrb, (const char *)k.p, k.len);
    } else {
      key = decode(mrb, &sub, depth + 1, FALSE);
    }
    mrb_value val = decode(mrb, &sub, depth + 1, FALSE);
    mrb_hash_set(mrb, hash, key, val);
    mrb_gc_arena_restore(mrb, arena);
  }
  if (!wire_at_end(&sub)) malformed(mrb, "trailing bytes in hash payload");
  return hash;
}

static mrb_value decode_ext(mrb_state *mrb, const wire_item *item, int depth, mrb_bool symbol_keys) {
  switch (item->ext_type) {
  case KOBAKO_EXT_SYMBOL:
    return mrb_symbol_value(mrb_intern(mrb, (const char *)item->p, item->len));
  case KOBAKO_EXT_HANDLE: {
    if (item->len != 4) malformed(mrb, "handle is not 4 bytes");
    uint32_t id = ((uint32_t)item->p[0] << 24) | ((uint32_t)item->p[1] << 16) |
                  ((uint32_t)item->p[2] << 8) | item->p[3];
    if (id == 0) malformed(mrb, "handle id 0");
    return kobako_handle_new(mrb, id);
  }
  case KOBAKO_EXT_DICT:
    return decode_pairs(mrb, item, depth, TRUE, symbol_keys);
  case KOBAKO_EXT_MAP:
    return decode_pairs(mrb, item, depth, FALSE, FALSE);
  case KOBAKO_EXT_BIGINT:
    return decode_bigint(mrb, item->p, item->len);
  default:
    malformed(mrb, "unknown extension type");
  }
}

static mrb_value decode(mrb_state *mrb, wire_reader *r, int depth, mrb_bool symbol_keys) {
  if (depth > KOBAKO_MAX_DEPTH) malformed(mrb, "nested deeper than 128 levels");
  wire_item item;
  if (!wire_next(r, &item)) malformed(mrb, "truncated or invalid MessagePack");
  switch (item.kind) {
  case WIRE_NIL: return mrb_nil_value();
  case WIRE_BOOL: return mrb_bool_value(item.b);
  case WIRE_INT: return mrb_int_value(mrb, (mrb_int)item.i);
  case WIRE_UINT: return mrb_bint_new_uint64(mrb, item.u);
  case WIRE_FLOAT: return mrb_float_value(mrb, item.f);
  case WIRE_STR: return mrb_str_new(mrb, (const char *)item.p, item.len);
  case WIRE_BIN: {
    mrb_value s = mrb_str_new(mrb, (const char *)item.p, item.len);
    kobako_binary_string_mark(mrb, s);
    return s;
  }
  case WIRE_ARRAY: {
    mrb_value ary = mrb_ary_new_capa(mrb, (mrb_int)item.len);
    int arena = mrb_gc_arena_save(mrb);
    for (uint32_t i = 0; i < item.len; i++) {
      mrb_ary_push(mrb, ary, decode(mrb, r, depth + 1, FALSE));
      mrb_gc_arena_restore(mrb, arena);
    }
    return ary;
  }
  case WIRE_MAP: {
    mrb_value hash = mrb_hash_new_capa(mrb, (mrb_int)item.len);
    int arena = mrb_gc_arena_save(mrb);
    for (uint32_t i = 0; i < item.len; i++) {
      mrb_value key = decode(mrb, r, depth + 1, FALSE);
      mrb_value val = decode(mrb, r, depth + 1, FALSE);
      mrb_hash_set(mrb, hash, key, val);
      mrb_gc_arena_restore(mrb, arena);
    }
    return hash;
  }
  case WIRE_EXT: return decode_ext(mrb, &item, depth, symbol_keys);
  }
  malformed(mrb, "unexpected item");
}

mrb_value kobako_decode_value(mrb_state *mrb, wire_reader *r, mrb_bool symbol_keys) {
  return decode(mrb, r, 0, symbol_keys);
}
