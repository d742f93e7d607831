#include "invoke.h"

#include <mruby/array.h>
#include <mruby/compile.h>
#include <mruby/dump.h>
#include <mruby/error.h>
#include <mruby/internal.h>
#include <mruby/hash.h>
#include <mruby/irep.h>
#include <mruby/proc.h>
#include <mruby/string.h>
#include <mruby/variable.h>
#include <stdio.h>

#include "envelope.h"
#include "handle.h"
#include "limits.h"
#include "value_decoder.h"
#include "wire_reader.h"

enum { ACTION_EVAL = 0, ACTION_RUN = 1, ACTION_COMPILE = 2, ACTION_PREPARE = 3 };
enum { SNIPPET_SOURCE = 0, SNIPPET_RITE = 1 };

/* Parses source; on a syntax error writes the "syntax" envelope (or, for a snippet, builds the
 * SyntaxError into *error) and returns NULL. */
static struct RProc *compile(mrb_state *mrb, wire_writer *out, const char *source, size_t len,
                             const char *filename, mrb_value *error) {
  mrbc_context *cxt = mrbc_context_new(mrb);
  cxt->capture_errors = TRUE;
  mrbc_filename(mrb, cxt, filename);
  struct mrb_parser_state *parser = mrb_parse_nstring(mrb, source, len, cxt);
  if (!parser) {
    mrbc_context_free(mrb, cxt);
    mrb_raise(mrb, E_RUNTIME_ERROR, "the parser could not start");
  }
  struct RProc *proc = NULL;
  size_t errors = parser->nerr;
  if (errors > 0) {
    const struct mrb_parser_message *e = &parser->error_buffer[0];
    if (error) {
      *error = mrb_exc_new_str(mrb, E_SYNTAX_ERROR,
                               mrb_format(mrb, "line %d:%d: %s", e->lineno, e->column,
                                          e->message ? e->message : "syntax error"));
    } else {
      kobako_envelope_syntax_error(mrb, out, e);
    }
  } else {
    proc = mrb_generate_code(mrb, parser);
  }
  mrb_parser_free(parser);
  mrbc_context_free(mrb, cxt);
  if (errors == 0 && !proc) mrb_raise(mrb, E_SCRIPT_ERROR, "code generation failed");
  return proc;
}

/* Runs proc at top level; returns false with the exception in *exc when it raised. */
static mrb_bool run_top(mrb_state *mrb, struct RProc *proc, mrb_value *result, mrb_value *exc) {
  *result = mrb_top_run(mrb, proc, mrb_top_self(mrb), 0);
  if (mrb->exc) {
    *exc = mrb_obj_value(mrb->exc);
    mrb->exc = NULL;
    return FALSE;
  }
  return TRUE;
}

static void finish(mrb_state *mrb, wire_writer *out, mrb_bool ok, mrb_value result, mrb_value exc) {
  if (ok) kobako_envelope_value(mrb, out, result);
  else kobako_envelope_exception(mrb, out, exc);
}

void kobako_invoke_eval(mrb_state *mrb, wire_writer *out, const char *source, size_t len) {
  struct RProc *proc = compile(mrb, out, source, len, "(eval)", NULL);
  if (!proc) return;
  mrb_value result, exc;
  mrb_bool ok = run_top(mrb, proc, &result, &exc);
  finish(mrb, out, ok, result, exc);
}

static mrb_noreturn void bad_request(mrb_state *mrb, const char *what) {
  mrb_raisef(mrb, E_ARGUMENT_ERROR, "malformed invocation request: %s", what);
}

static wire_item expect(mrb_state *mrb, wire_reader *r, wire_kind kind, const char *what) {
  wire_item item;
  if (!wire_next(r, &item) || item.kind != kind) bad_request(mrb, what);
  return item;
}

static mrb_bool constant_name_p(const wire_item *name) {
  if (name->len == 0 || name->p[0] < 'A' || name->p[0] > 'Z') return FALSE;
  for (uint32_t i = 1; i < name->len; i++) {
    uint8_t c = name->p[i];
    if (!(c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
      return FALSE;
  }
  return TRUE;
}

static mrb_sym constant_sym(mrb_state *mrb, const wire_item *name) {
  if (!constant_name_p(name)) bad_request(mrb, "service name is not a constant name");
  return mrb_intern(mrb, (const char *)name->p, name->len);
}

/* services: [[namespace, [member, ...]], ...] */
static void define_services(mrb_state *mrb, wire_reader *r) {
  wire_item list = expect(mrb, r, WIRE_ARRAY, "services");
  for (uint32_t i = 0; i < list.len; i++) {
    if (expect(mrb, r, WIRE_ARRAY, "service entry").len != 2) bad_request(mrb, "service entry");
    wire_item ns_name = expect(mrb, r, WIRE_STR, "namespace");
    mrb_sym ns_sym = constant_sym(mrb, &ns_name);
    if (mrb_const_defined(mrb, mrb_obj_value(mrb->object_class), ns_sym))
      bad_request(mrb, "namespace shadows an existing constant");
    struct RClass *ns = mrb_define_module_id(mrb, ns_sym);
    wire_item members = expect(mrb, r, WIRE_ARRAY, "members");
    for (uint32_t m = 0; m < members.len; m++) {
      wire_item member = expect(mrb, r, WIRE_STR, "member");
      mrb_sym member_sym = constant_sym(mrb, &member);
      mrb_value path = mrb_format(mrb, "%n::%n", ns_sym, member_sym);
      mrb_define_const_id(mrb, ns, member_sym, kobako_service_new(mrb, path));
    }
  }
}

/* snippets: [[name, kind, code], ...]; false when one failed (its envelope is written). */
static mrb_bool replay_snippets(mrb_state *mrb, wire_writer *out, wire_reader *r) {
  wire_item list = expect(mrb, r, WIRE_ARRAY, "snippets");
  for (uint32_t i = 0; i < list.len; i++) {
    if (expect(mrb, r, WIRE_ARRAY, "snippet entry").len != 3) bad_request(mrb, "snippet entry");
    wire_item name = expect(mrb, r, WIRE_STR, "snippet name");
    wire_item kind;
    if (!wire_next(r, &kind) || kind.kind != WIRE_INT) bad_request(mrb, "snippet kind");
    wire_item code;
    if (!wire_next(r, &code) || (code.kind != WIRE_STR && code.kind != WIRE_BIN))
      bad_request(mrb, "snippet code");
    mrb_value snippet_name = mrb_str_new(mrb, (const char *)name.p, name.len);
    int arena = mrb_gc_arena_save(mrb);
    struct RProc *proc = NULL;
    mrb_value error = mrb_nil_value();
    if (kind.i == SNIPPET_RITE) {
      mrb_irep *irep = mrb_read_irep_buf(mrb, code.p, code.len);
      if (!irep) {
        error = mrb_exc_new_str(mrb, E_SCRIPT_ERROR,
                                mrb_str_new_lit(mrb, "invalid RITE bytecode"));
        kobako_envelope_snippet_error(mrb, out, error, snippet_name, TRUE);
        return FALSE;
      }
      proc = mrb_proc_new(mrb, irep);
      mrb_irep_decref(mrb, irep);
    } else {
      char filename[80];
      snprintf(filename, sizeof filename, "(snippet %.*s)", (int)(name.len > 60 ? 60 : name.len),
               (const char *)name.p);
      proc = compile(mrb, out, (const char *)code.p, code.len, filename, &error);
    }
    if (proc) {
      mrb_value result;
      if (run_top(mrb, proc, &result, &error)) {
        mrb_gc_arena_restore(mrb, arena);
        continue;
      }
    }
    kobako_envelope_snippet_error(mrb, out, error, snippet_name, FALSE);
    return FALSE;
  }
  return TRUE;
}

static void run_target(mrb_state *mrb, wire_writer *out, wire_reader *r) {
  wire_item target = expect(mrb, r, WIRE_STR, "run target");
  if (!constant_name_p(&target)) bad_request(mrb, "run target is not a constant name");
  mrb_value args = kobako_decode_value(mrb, r, FALSE);
  mrb_value kwargs = kobako_decode_value(mrb, r, TRUE);
  if (!mrb_array_p(args)) bad_request(mrb, "run args");
  if (mrb_nil_p(kwargs)) kwargs = mrb_hash_new(mrb);
  if (!mrb_hash_p(kwargs)) bad_request(mrb, "run kwargs");
  /* Kobako.__run (mrblib) resolves the constant and splats the keywords: the C API of mruby 3.1
   * has no way to pass keyword arguments. */
  mrb_value argv[3] = {mrb_str_new(mrb, (const char *)target.p, target.len), args, kwargs};
  mrb_value result = mrb_funcall_argv(mrb, mrb_obj_value(mrb_module_get(mrb, "Kobako")),
                                      mrb_intern_lit(mrb, "__run"), 3, argv);
  kobako_envelope_value(mrb, out, result);
}

static void compile_only(mrb_state *mrb, wire_writer *out, wire_reader *r) {
  wire_item source = expect(mrb, r, WIRE_STR, "compile source");
  struct RProc *proc = compile(mrb, out, (const char *)source.p, source.len, "(compile)", NULL);
  if (!proc) return;
  uint8_t *bin = NULL;
  size_t size = 0;
  if (mrb_dump_irep(mrb, proc->body.irep, 0, &bin, &size) != MRB_DUMP_OK)
    mrb_raise(mrb, E_RUNTIME_ERROR, "could not dump bytecode");
  wire_array_header(out, 2);
  wire_int(out, 0);
  wire_bin(out, bin, size);
  mrb_free(mrb, bin);
}

void kobako_invoke_request(mrb_state *mrb, wire_writer *out, const uint8_t *req, size_t len) {
  wire_reader r;
  wire_reader_init(&r, req, len);
  if (expect(mrb, &r, WIRE_ARRAY, "request").len != 3) bad_request(mrb, "request");
  define_services(mrb, &r);
  if (!replay_snippets(mrb, out, &r)) return;
  kobako_limits_take_baseline();
  wire_item action = expect(mrb, &r, WIRE_ARRAY, "action");
  wire_item tag;
  if (action.len < 2 || !wire_next(&r, &tag) || tag.kind != WIRE_INT) bad_request(mrb, "action");
  switch (tag.i) {
  case ACTION_EVAL: {
    wire_item source = expect(mrb, &r, WIRE_STR, "eval source");
    kobako_invoke_eval(mrb, out, (const char *)source.p, source.len);
    return;
  }
  case ACTION_RUN:
    if (action.len != 4) bad_request(mrb, "run action");
    run_target(mrb, out, &r);
    return;
  case ACTION_COMPILE:
    compile_only(mrb, out, &r);
    return;
  case ACTION_PREPARE:
    /* Services and snippets are in place: the host may now snapshot this state and run later
     * actions on it with empty service and snippet lists. */
    kobako_envelope_value(mrb, out, mrb_nil_value());
    return;
  default:
    bad_request(mrb, "unknown action");
  }
}
