#include "wire_reader.h"

#include <string.h>

void wire_reader_init(wire_reader *r, const uint8_t *p, size_t len) {
  r->p = p;
  r->end = p + len;
}

bool wire_at_end(const wire_reader *r) { return r->p == r->end; }

static bool take(wire_reader *r, size_t n, const uint8_t **out) {
  if ((size_t)(r->end - r->p) < n) return false;
  *out = r->p;
  r->p += n;
  return true;
}

static bool be(wire_reader *r, int bytes, uint64_t *out) {
  const uint8_t *p;
  if (!take(r, (size_t)bytes, &p)) return false;
  uint64_t v = 0;
  for (int i = 0; i < bytes; i++) v = (v << 8) | p[i];
  *out = v;
  return true;
}

static bool bytes(wire_reader *r, wire_item *item, wire_kind kind, int len_bytes) {
  uint64_t n;
  if (!be(r, len_bytes, &n)) return false;
  item->kind = kind;
  item->len = (uint32_t)n;
  return take(r, (size_t)n, &item->p);
}

static bool fixed_bytes(wire_reader *r, wire_item *item, wire_kind kind, uint32_t n) {
  item->kind = kind;
  item->len = n;
  return take(r, n, &item->p);
}

static bool container(wire_reader *r, wire_item *item, wire_kind kind, int len_bytes) {
  uint64_t n;
  if (!be(r, len_bytes, &n)) return false;
  item->kind = kind;
  item->len = (uint32_t)n;
  /* Every element takes at least one byte: refuse counts the input cannot hold. */
  return n <= (uint64_t)(r->end - r->p);
}

static bool ext(wire_reader *r, wire_item *item, uint32_t n, bool sized, int len_bytes) {
  if (sized) {
    uint64_t len;
    if (!be(r, len_bytes, &len)) return false;
    n = (uint32_t)len;
  }
  const uint8_t *type;
  if (!take(r, 1, &type)) return false;
  item->ext_type = (int8_t)type[0];
  return fixed_bytes(r, item, WIRE_EXT, n);
}

static bool int_item(wire_item *item, int64_t v) {
  item->kind = WIRE_INT;
  item->i = v;
  return true;
}

bool wire_next(wire_reader *r, wire_item *item) {
  const uint8_t *head;
  uint64_t v;
  memset(item, 0, sizeof *item);
  if (!take(r, 1, &head)) return false;
  uint8_t h = head[0];
  if (h <= 0x7f) return int_item(item, h);
  if (h >= 0xe0) return int_item(item, (int8_t)h);
  if ((h & 0xe0) == 0xa0) return fixed_bytes(r, item, WIRE_STR, h & 0x1f);
  if ((h & 0xf0) == 0x90) {
    item->kind = WIRE_ARRAY;
    item->len = h & 0x0f;
    return true;
  }
  if ((h & 0xf0) == 0x80) {
    item->kind = WIRE_MAP;
    item->len = h & 0x0f;
    return true;
  }
  switch (h) {
  case 0xc0: item->kind = WIRE_NIL; return true;
  case 0xc2: case 0xc3: item->kind = WIRE_BOOL; item->b = h == 0xc3; return true;
  case 0xc4: return bytes(r, item, WIRE_BIN, 1);
  case 0xc5: return bytes(r, item, WIRE_BIN, 2);
  case 0xc6: return bytes(r, item, WIRE_BIN, 4);
  case 0xc7: return ext(r, item, 0, true, 1);
  case 0xc8: return ext(r, item, 0, true, 2);
  case 0xc9: return ext(r, item, 0, true, 4);
  case 0xca: {
    if (!be(r, 4, &v)) return false;
    uint32_t bits = (uint32_t)v;
    float f;
    memcpy(&f, &bits, sizeof f);
    item->kind = WIRE_FLOAT;
    item->f = f;
    return true;
  }
  case 0xcb: {
    if (!be(r, 8, &v)) return false;
    item->kind = WIRE_FLOAT;
    memcpy(&item->f, &v, sizeof item->f);
    return true;
  }
  case 0xcc: return be(r, 1, &v) && int_item(item, (int64_t)v);
  case 0xcd: return be(r, 2, &v) && int_item(item, (int64_t)v);
  case 0xce: return be(r, 4, &v) && int_item(item, (int64_t)v);
  case 0xcf:
    if (!be(r, 8, &v)) return false;
    if (v <= INT64_MAX) return int_item(item, (int64_t)v);
    item->kind = WIRE_UINT;
    item->u = v;
    return true;
  case 0xd0: return be(r, 1, &v) && int_item(item, (int8_t)v);
  case 0xd1: return be(r, 2, &v) && int_item(item, (int16_t)v);
  case 0xd2: return be(r, 4, &v) && int_item(item, (int32_t)v);
  case 0xd3: return be(r, 8, &v) && int_item(item, (int64_t)v);
  case 0xd4: return ext(r, item, 1, false, 0);
  case 0xd5: return ext(r, item, 2, false, 0);
  case 0xd6: return ext(r, item, 4, false, 0);
  case 0xd7: return ext(r, item, 8, false, 0);
  case 0xd8: return ext(r, item, 16, false, 0);
  case 0xd9: return bytes(r, item, WIRE_STR, 1);
  case 0xda: return bytes(r, item, WIRE_STR, 2);
  case 0xdb: return bytes(r, item, WIRE_STR, 4);
  case 0xdc: return container(r, item, WIRE_ARRAY, 2);
  case 0xdd: return container(r, item, WIRE_ARRAY, 4);
  case 0xde: return container(r, item, WIRE_MAP, 2);
  case 0xdf: return container(r, item, WIRE_MAP, 4);
  default: return false; /* 0xc1 is never used */
  }
}
