/* Response envelopes of docs/ABI.md: [0, value] or [1, {kind, klass, message, backtrace}]. */
#ifndef KOBAKO_ENVELOPE_H
#define KOBAKO_ENVELOPE_H

#include <mruby.h>
#include <mruby/compile.h>

#include "wire_writer.h"

/* [0, value], or an "unrepresentable" error envelope when value has no mapping. */
void kobako_envelope_value(mrb_state *mrb, wire_writer *w, mrb_value value);
/* A "raise" error envelope for an exception object. Never raises. */
void kobako_envelope_exception(mrb_state *mrb, wire_writer *w, mrb_value exc);
/* A "syntax" error envelope for the parser's first error. */
void kobako_envelope_syntax_error(mrb_state *mrb, wire_writer *w,
                                  const struct mrb_parser_message *error);
/* The "internal" envelope returned when the real one could not be built (out of memory). */
void kobako_envelope_fallback(wire_writer *w);

#endif
