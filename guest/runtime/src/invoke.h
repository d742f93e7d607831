/* Running one invocation: the eval of ABI 1 and the invocation request of ABI 2. */
#ifndef KOBAKO_INVOKE_H
#define KOBAKO_INVOKE_H

#include <mruby.h>
#include <stddef.h>
#include <stdint.h>

#include "wire_writer.h"

/* Evaluates source at top level; writes the response envelope. May raise (caller protects). */
void kobako_invoke_eval(mrb_state *mrb, wire_writer *out, const char *source, size_t len);
/* Runs an invocation request [services, snippets, action]; writes the response envelope. May
 * raise (caller protects). */
void kobako_invoke_request(mrb_state *mrb, wire_writer *out, const uint8_t *req, size_t len);

#endif
