/* Response envelopes of docs/ABI.md: [0, value] or [1, {kind, klass, message, backtrace}]. */
#ifndef KOBAKO_ENVELOPE_H
#define KOBAKO_ENVELOPE_H

#include <mruby.h>
#include <mruby/compile.h>
#include <stdbool.h>

#include "wire_writer.h"

/* [0, value], or an "unrepresentable" error envelope when value has no mapping. */
void kobako_envelope_value(mrb_state *mrb, wire_writer *w, mrb_value value);
/* An error envelope for an exception object: kind "service" when the runtime raised it for a
 * failed host service, else "raise". Never raises. */
void kobako_envelope_exception(mrb_state *mrb, wire_writer *w, mrb_value exc);
/* The same for an exception raised while replaying snippet `name`: kind "snippet", or
 * "bytecode" when bytecode is true (RITE bytes that do not load). */
void kobako_envelope_snippet_error(mrb_state *mrb, wire_writer *w, mrb_value exc, mrb_value name,
                                   mrb_bool bytecode);
/* Writes an exception message (a String) clipped to the bound of docs/ABI.md. */
void kobako_wire_message(wire_writer *w, mrb_value message);
/* exc.message as a String, "" when #message raises or returns something else. Never raises. */
mrb_value kobako_exception_message(mrb_state *mrb, mrb_value exc);
/* A "syntax" error envelope for the parser's first error. */
void kobako_envelope_syntax_error(mrb_state *mrb, wire_writer *w,
                                  const struct mrb_parser_message *error);
/* The "memory" (memory limit) or "timeout" envelope of a run a cap ended. */
void kobako_envelope_cap(wire_writer *w, bool memory);
/* The "unrepresentable" envelope of a response that would pass WIRE_MAX_BYTES. */
void kobako_envelope_too_large(wire_writer *w);
/* The "internal" envelope returned when the real one could not be built (out of memory). */
void kobako_envelope_fallback(wire_writer *w);

#endif
