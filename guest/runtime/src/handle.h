/* Kobako::Handle (a host object the guest may call) and Kobako::Service (a bound service member).
 * Both are opaque to Ruby: no new/allocate, the reference lives in the C data pointer. */
#ifndef KOBAKO_HANDLE_H
#define KOBAKO_HANDLE_H

#include <mruby.h>
#include <stdbool.h>
#include <stdint.h>

void kobako_handle_init(mrb_state *mrb, struct RClass *kobako);

/* A Kobako::Handle for a host-assigned id (>= 1). */
mrb_value kobako_handle_new(mrb_state *mrb, uint32_t id);
/* The id when v is a live Kobako::Handle. */
bool kobako_handle_id(mrb_state *mrb, mrb_value v, uint32_t *id);

/* A Kobako::Service proxy for "Namespace::Member". */
mrb_value kobako_service_new(mrb_state *mrb, mrb_value path);
/* The path string when v is a Kobako::Service. */
bool kobako_service_path(mrb_state *mrb, mrb_value v, mrb_value *path);

#endif
