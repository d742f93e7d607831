#include "wire_writer.h"

#include <stdlib.h>
#include <string.h>

#define EXT_HEADER_MAX 6 /* ext 32: 0xc9, 4 length bytes, type */

static bool reserve(wire_writer *w, size_t extra) {
  if (w->failed) return false;
  if (extra > SIZE_MAX - w->len) {
    w->failed = true;
    return false;
  }
  size_t need = w->len + extra;
  if (need <= w->cap) return true;
  if (need > WIRE_MAX_BYTES) {
    w->failed = true;
    w->too_large = true;
    return false;
  }
  size_t cap = w->cap ? w->cap : 256;
  while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
  uint8_t *p = realloc(w->data, cap);
  if (!p) {
    w->failed = true;
    return false;
  }
  w->data = p;
  w->cap = cap;
  return true;
}

void wire_raw(wire_writer *w, const void *p, size_t len) {
  if (!reserve(w, len)) return;
  if (len) memcpy(w->data + w->len, p, len);
  w->len += len;
}

static void put8(wire_writer *w, uint8_t b) { wire_raw(w, &b, 1); }

static void put_be(wire_writer *w, uint64_t v, int bytes) {
  uint8_t buf[8];
  for (int i = 0; i < bytes; i++) buf[i] = (uint8_t)(v >> (8 * (bytes - 1 - i)));
  wire_raw(w, buf, (size_t)bytes);
}

static void put_head(wire_writer *w, uint8_t head, uint64_t v, int bytes) {
  put8(w, head);
  put_be(w, v, bytes);
}

void wire_reset(wire_writer *w) {
  w->len = 0;
  w->failed = false;
  w->too_large = false;
}

void wire_nil(wire_writer *w) { put8(w, 0xc0); }

void wire_bool(wire_writer *w, bool v) { put8(w, v ? 0xc3 : 0xc2); }

void wire_int(wire_writer *w, int64_t v) {
  if (v >= 0) {
    if (v < 128) put8(w, (uint8_t)v);
    else if (v <= UINT8_MAX) put_head(w, 0xcc, (uint64_t)v, 1);
    else if (v <= UINT16_MAX) put_head(w, 0xcd, (uint64_t)v, 2);
    else if (v <= UINT32_MAX) put_head(w, 0xce, (uint64_t)v, 4);
    else put_head(w, 0xcf, (uint64_t)v, 8);
  } else {
    if (v >= -32) put8(w, (uint8_t)(int8_t)v);
    else if (v >= INT8_MIN) put_head(w, 0xd0, (uint64_t)(uint8_t)(int8_t)v, 1);
    else if (v >= INT16_MIN) put_head(w, 0xd1, (uint64_t)(uint16_t)(int16_t)v, 2);
    else if (v >= INT32_MIN) put_head(w, 0xd2, (uint64_t)(uint32_t)(int32_t)v, 4);
    else put_head(w, 0xd3, (uint64_t)v, 8);
  }
}

void wire_float(wire_writer *w, double v) {
  uint64_t bits;
  memcpy(&bits, &v, sizeof bits);
  put_head(w, 0xcb, bits, 8);
}

void wire_str(wire_writer *w, const char *p, size_t len) {
  if (len < 32) put8(w, (uint8_t)(0xa0 | len));
  else if (len <= UINT8_MAX) put_head(w, 0xd9, len, 1);
  else if (len <= UINT16_MAX) put_head(w, 0xda, len, 2);
  else put_head(w, 0xdb, len, 4);
  wire_raw(w, p, len);
}

void wire_cstr(wire_writer *w, const char *s) { wire_str(w, s, strlen(s)); }

void wire_str_clipped(wire_writer *w, const char *p, size_t len, size_t max) {
  static const char ellipsis[] = "\xe2\x80\xa6"; /* U+2026 */
  if (len <= max) {
    wire_str(w, p, len);
    return;
  }
  size_t cut = max;
  /* Cut before a UTF-8 continuation byte, so a valid string stays valid. */
  while (cut > 0 && ((uint8_t)p[cut] & 0xc0) == 0x80) cut--;
  size_t total = cut + sizeof ellipsis - 1;
  if (total <= UINT16_MAX) put_head(w, 0xda, total, 2);
  else put_head(w, 0xdb, total, 4);
  wire_raw(w, p, cut);
  wire_raw(w, ellipsis, sizeof ellipsis - 1);
}

void wire_bin(wire_writer *w, const uint8_t *p, size_t len) {
  if (len <= UINT8_MAX) put_head(w, 0xc4, len, 1);
  else if (len <= UINT16_MAX) put_head(w, 0xc5, len, 2);
  else put_head(w, 0xc6, len, 4);
  wire_raw(w, p, len);
}

void wire_array_header(wire_writer *w, uint32_t n) {
  if (n < 16) put8(w, (uint8_t)(0x90 | n));
  else if (n <= UINT16_MAX) put_head(w, 0xdc, n, 2);
  else put_head(w, 0xdd, n, 4);
}

void wire_map_header(wire_writer *w, uint32_t n) {
  if (n < 16) put8(w, (uint8_t)(0x80 | n));
  else if (n <= UINT16_MAX) put_head(w, 0xde, n, 2);
  else put_head(w, 0xdf, n, 4);
}

/* Writes the smallest ext header for a payload of len bytes into out; returns its size. */
static size_t ext_header(uint8_t *out, int8_t type, uint32_t len) {
  size_t n = 0;
  switch (len) {
  case 1: out[n++] = 0xd4; break;
  case 2: out[n++] = 0xd5; break;
  case 4: out[n++] = 0xd6; break;
  case 8: out[n++] = 0xd7; break;
  case 16: out[n++] = 0xd8; break;
  default:
    if (len <= UINT8_MAX) {
      out[n++] = 0xc7;
      out[n++] = (uint8_t)len;
    } else if (len <= UINT16_MAX) {
      out[n++] = 0xc8;
      out[n++] = (uint8_t)(len >> 8);
      out[n++] = (uint8_t)len;
    } else {
      out[n++] = 0xc9;
      for (int i = 3; i >= 0; i--) out[n++] = (uint8_t)(len >> (8 * i));
    }
  }
  out[n++] = (uint8_t)type;
  return n;
}

void wire_ext_header(wire_writer *w, int8_t type, uint32_t len) {
  uint8_t head[EXT_HEADER_MAX];
  wire_raw(w, head, ext_header(head, type, len));
}

size_t wire_ext_begin(wire_writer *w) {
  size_t at = w->len;
  uint8_t zero[EXT_HEADER_MAX] = {0};
  wire_raw(w, zero, sizeof zero);
  return at;
}

void wire_ext_finish(wire_writer *w, size_t at, int8_t type) {
  if (w->failed) return;
  size_t payload = w->len - at - EXT_HEADER_MAX;
  if (payload > UINT32_MAX) {
    w->failed = true;
    return;
  }
  uint8_t head[EXT_HEADER_MAX];
  size_t h = ext_header(head, type, (uint32_t)payload);
  /* Slide the payload back so the header takes only the bytes its form needs. */
  memmove(w->data + at + h, w->data + at + EXT_HEADER_MAX, payload);
  memcpy(w->data + at, head, h);
  w->len = at + h + payload;
}
