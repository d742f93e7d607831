/* A growable byte buffer that writes MessagePack (the subset docs/ABI.md uses). */
#ifndef KOBAKO_WIRE_WRITER_H
#define KOBAKO_WIRE_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Extension type codes of docs/ABI.md. */
enum {
  KOBAKO_EXT_SYMBOL = 1,
  KOBAKO_EXT_HANDLE = 2,
  KOBAKO_EXT_DICT = 3,
  KOBAKO_EXT_MAP = 4,
  KOBAKO_EXT_BIGINT = 5,
};

typedef struct {
  uint8_t *data;
  size_t len;
  size_t cap;
  bool failed;    /* an allocation failed or the cap was reached: the content is incomplete */
  bool too_large; /* failed because the content would pass WIRE_MAX_BYTES */
} wire_writer;

/* One dispatch payload crosses to the host whole; past this it is refused (docs/ABI.md). */
#define WIRE_MAX_BYTES ((size_t)16 << 20)

void wire_reset(wire_writer *w);
void wire_nil(wire_writer *w);
void wire_bool(wire_writer *w, bool v);
void wire_int(wire_writer *w, int64_t v);
void wire_float(wire_writer *w, double v);
void wire_str(wire_writer *w, const char *p, size_t len);
void wire_cstr(wire_writer *w, const char *s);
/* wire_str of at most the first `max` bytes of p (cut at a UTF-8 character boundary), followed
 * by "…" when it had to cut. */
void wire_str_clipped(wire_writer *w, const char *p, size_t len, size_t max);
void wire_bin(wire_writer *w, const uint8_t *p, size_t len);
void wire_array_header(wire_writer *w, uint32_t n);
void wire_map_header(wire_writer *w, uint32_t n);
void wire_ext_header(wire_writer *w, int8_t type, uint32_t len);
void wire_raw(wire_writer *w, const void *p, size_t len);

/* Reserves room for an ext header whose payload length is not known yet; returns its offset.
 * wire_ext_finish writes the header in the widest form (ext 32) once the payload is written. */
size_t wire_ext_begin(wire_writer *w);
void wire_ext_finish(wire_writer *w, size_t at, int8_t type);

#endif
