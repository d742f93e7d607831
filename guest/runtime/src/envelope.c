#include "envelope.h"

#include <mruby/array.h>
#include <mruby/error.h>
#include <mruby/internal.h>
#include <mruby/string.h>
#include <stdio.h>

#include "service.h"
#include "value_encoder.h"

/* A SystemStackError carries ~1000 frames; the first ones tell the story. */
#define BACKTRACE_MAX_LINES 64

static void error_start_n(wire_writer *w, const char *kind, const char *klass, uint32_t fields) {
  wire_array_header(w, 2);
  wire_int(w, 1);
  wire_map_header(w, fields);
  wire_cstr(w, "kind");
  wire_cstr(w, kind);
  wire_cstr(w, "klass");
  wire_cstr(w, klass);
  wire_cstr(w, "message");
}

static void error_start(wire_writer *w, const char *kind, const char *klass) {
  error_start_n(w, kind, klass, 4);
}

static mrb_value call_message(mrb_state *mrb, void *exc) {
  return mrb_funcall(mrb, *(mrb_value *)exc, "message", 0);
}

static mrb_value call_backtrace(mrb_state *mrb, void *exc) {
  return mrb_exc_backtrace(mrb, *(mrb_value *)exc);
}

/* Calls into Ruby (a script may override #message) under protection: a raising or odd
 * override yields an empty value instead of escaping. */
static mrb_value protected_call(mrb_state *mrb, mrb_protect_error_func *fn, mrb_value exc) {
  mrb_bool failed = FALSE;
  mrb_value v = mrb_protect_error(mrb, fn, &exc, &failed);
  if (failed) {
    mrb->exc = NULL;
    return mrb_nil_value();
  }
  return v;
}

mrb_value kobako_exception_message(mrb_state *mrb, mrb_value exc) {
  mrb_value message = protected_call(mrb, call_message, exc);
  return mrb_string_p(message) ? message : mrb_str_new_lit(mrb, "");
}

static void write_backtrace(mrb_state *mrb, wire_writer *w, mrb_value exc);

static void write_exception(mrb_state *mrb, wire_writer *w, mrb_value exc, const char *kind,
                            const mrb_value *snippet) {
  /* Reachable while #message and the backtrace allocate: a GC would otherwise strip the
   * preallocated SystemStackError (mruby clears unreferenced preallocated errors) mid-read. */
  mrb_gc_protect(mrb, exc);
  const char *klass = mrb_obj_classname(mrb, exc);
  error_start_n(w, kind, klass ? klass : "Exception", snippet ? 5 : 4);
  mrb_value message = kobako_exception_message(mrb, exc);
  wire_str(w, RSTRING_PTR(message), (size_t)RSTRING_LEN(message));
  write_backtrace(mrb, w, exc);
  if (snippet) {
    wire_cstr(w, "snippet");
    wire_str(w, RSTRING_PTR(*snippet), (size_t)RSTRING_LEN(*snippet));
  }
}

void kobako_envelope_exception(mrb_state *mrb, wire_writer *w, mrb_value exc) {
  write_exception(mrb, w, exc, kobako_service_failure_p(mrb, exc) ? "service" : "raise", NULL);
}

void kobako_envelope_snippet_error(mrb_state *mrb, wire_writer *w, mrb_value exc, mrb_value name,
                                   mrb_bool bytecode) {
  write_exception(mrb, w, exc, bytecode ? "bytecode" : "snippet", &name);
}

static void write_backtrace(mrb_state *mrb, wire_writer *w, mrb_value exc) {

  wire_cstr(w, "backtrace");
  mrb_value bt = protected_call(mrb, call_backtrace, exc);
  if (!mrb_array_p(bt)) {
    wire_array_header(w, 0);
    return;
  }
  mrb_int n = RARRAY_LEN(bt), strings = 0;
  for (mrb_int i = 0; i < n; i++) strings += mrb_string_p(RARRAY_PTR(bt)[i]);
  mrb_int kept = strings > BACKTRACE_MAX_LINES ? BACKTRACE_MAX_LINES : strings;
  wire_array_header(w, (uint32_t)(kept + (kept < strings)));
  for (mrb_int i = 0, written = 0; i < n && written < kept; i++) {
    mrb_value line = RARRAY_PTR(bt)[i];
    if (!mrb_string_p(line)) continue;
    wire_str(w, RSTRING_PTR(line), (size_t)RSTRING_LEN(line));
    written++;
  }
  if (kept < strings) {
    char more[48];
    snprintf(more, sizeof more, "... %ld more lines", (long)(strings - kept));
    wire_cstr(w, more);
  }
}

void kobako_envelope_value(mrb_state *mrb, wire_writer *w, mrb_value value) {
  wire_array_header(w, 2);
  wire_int(w, 0);
  encode_failure failure;
  if (kobako_encode_value(mrb, w, value, &failure)) return;

  wire_reset(w);
  const char *klass = mrb_obj_classname(mrb, failure.culprit);
  error_start(w, "unrepresentable", klass ? klass : "Object");
  char message[160];
  snprintf(message, sizeof message, "%s: %s", klass ? klass : "object", failure.message);
  wire_cstr(w, message);
  wire_cstr(w, "backtrace");
  wire_array_header(w, 0);
}

void kobako_envelope_syntax_error(mrb_state *mrb, wire_writer *w,
                                  const struct mrb_parser_message *error) {
  (void)mrb;
  error_start(w, "syntax", "SyntaxError");
  char message[320];
  snprintf(message, sizeof message, "line %d:%d: %s", error->lineno, error->column,
           error->message ? error->message : "syntax error");
  wire_cstr(w, message);
  wire_cstr(w, "backtrace");
  char line[48];
  snprintf(line, sizeof line, "(eval):%d", error->lineno);
  wire_array_header(w, 1);
  wire_cstr(w, line);
}

/* An error envelope the runtime itself decides: fixed message, no backtrace. */
static void fixed_error(wire_writer *w, const char *kind, const char *klass, const char *message) {
  wire_reset(w);
  error_start(w, kind, klass);
  wire_cstr(w, message);
  wire_cstr(w, "backtrace");
  wire_array_header(w, 0);
}

void kobako_envelope_fallback(wire_writer *w) {
  fixed_error(w, "internal", "NoMemoryError", "the guest ran out of memory while encoding the response");
}

void kobako_envelope_cap(wire_writer *w, bool memory) {
  if (memory) fixed_error(w, "memory", "NoMemoryError", "the script went past its memory limit");
  else fixed_error(w, "timeout", "Kobako::TimeoutError", "the script went past its time limit");
}

void kobako_envelope_too_large(wire_writer *w) {
  fixed_error(w, "unrepresentable", "Object",
              "the value exceeds the 16 MiB payload cap and cannot cross to the host");
}
