/* A bounds-checked MessagePack reader over a byte range (the subset docs/ABI.md uses). */
#ifndef KOBAKO_WIRE_READER_H
#define KOBAKO_WIRE_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
  WIRE_NIL,
  WIRE_BOOL,
  WIRE_INT,   /* fits int64 */
  WIRE_UINT,  /* above INT64_MAX */
  WIRE_FLOAT,
  WIRE_STR,
  WIRE_BIN,
  WIRE_ARRAY,
  WIRE_MAP,
  WIRE_EXT,
} wire_kind;

typedef struct {
  wire_kind kind;
  bool b;
  int64_t i;
  uint64_t u;
  double f;
  const uint8_t *p; /* str/bin/ext payload */
  uint32_t len;     /* str/bin/ext byte length, array/map element count */
  int8_t ext_type;
} wire_item;

typedef struct {
  const uint8_t *p;
  const uint8_t *end;
} wire_reader;

void wire_reader_init(wire_reader *r, const uint8_t *p, size_t len);
/* Reads the next item's header (and scalar payload). Containers: read their elements next.
 * Returns false on truncated or invalid input. */
bool wire_next(wire_reader *r, wire_item *item);
bool wire_at_end(const wire_reader *r);

#endif
