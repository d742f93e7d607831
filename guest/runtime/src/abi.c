/*
 * The exports of docs/ABI.md: boot the Ruby state, hand the host a request buffer, evaluate a
 * script and leave a response envelope for the host to read.
 */
#include <mruby.h>
#include <mruby/compile.h>
#include <mruby/error.h>
#include <mruby/proc.h>
#include <stdlib.h>

#include "envelope.h"
#include "wire_writer.h"

#define KOBAKO_ABI_VERSION 1
#define EXPORT(name) __attribute__((export_name(#name))) name

static mrb_state *mrb;
static uint8_t *request;
static size_t request_cap;
static wire_writer response;
static wire_writer fallback; /* a complete envelope encoded at boot, for when memory runs out */
static const wire_writer *current = &fallback;

int32_t EXPORT(kobako_abi_version)(void) { return KOBAKO_ABI_VERSION; }

int32_t EXPORT(kobako_boot)(void) {
  mrb = mrb_open();
  if (!mrb) return 1;
  kobako_envelope_fallback(&fallback);
  return fallback.failed ? 2 : 0;
}

int32_t EXPORT(kobako_buffer)(int32_t len) {
  if (len < 0) return 0;
  if ((size_t)len > request_cap) {
    uint8_t *p = realloc(request, (size_t)len);
    if (!p) return 0;
    request = p;
    request_cap = (size_t)len;
  }
  return (int32_t)(uintptr_t)request;
}

typedef struct {
  const char *source;
  size_t len;
} eval_request;

static mrb_value eval_body(mrb_state *mrb, void *data) {
  eval_request *req = data;
  mrbc_context *cxt = mrbc_context_new(mrb);
  cxt->capture_errors = TRUE;
  mrbc_filename(mrb, cxt, "(eval)");
  struct mrb_parser_state *parser = mrb_parse_nstring(mrb, req->source, req->len, cxt);
  if (!parser) mrb_raise(mrb, E_RUNTIME_ERROR, "the parser could not start");
  if (parser->nerr > 0) {
    kobako_envelope_syntax_error(mrb, &response, &parser->error_buffer[0]);
    mrb_parser_free(parser);
    mrbc_context_free(mrb, cxt);
    return mrb_nil_value();
  }
  struct RProc *proc = mrb_generate_code(mrb, parser);
  mrb_parser_free(parser);
  mrbc_context_free(mrb, cxt);
  if (!proc) mrb_raise(mrb, E_SCRIPT_ERROR, "code generation failed");

  mrb_value result = mrb_top_run(mrb, proc, mrb_top_self(mrb), 0);
  if (mrb->exc) {
    mrb_value exc = mrb_obj_value(mrb->exc);
    mrb->exc = NULL;
    kobako_envelope_exception(mrb, &response, exc);
  } else {
    kobako_envelope_value(mrb, &response, result);
  }
  return mrb_nil_value();
}

int32_t EXPORT(kobako_eval)(int32_t len) {
  wire_reset(&response);
  if (len < 0 || (size_t)len > request_cap) len = 0;
  eval_request req = {(const char *)request, (size_t)len};
  int arena = mrb_gc_arena_save(mrb);
  mrb_bool failed = FALSE;
  mrb_value exc = mrb_protect_error(mrb, eval_body, &req, &failed);
  if (failed) {
    /* Raised outside the script itself: while parsing, compiling or encoding (e.g. NoMemoryError). */
    mrb->exc = NULL;
    wire_reset(&response);
    kobako_envelope_exception(mrb, &response, exc);
  }
  mrb_gc_arena_restore(mrb, arena);
  current = response.failed ? &fallback : &response;
  return (int32_t)current->len;
}

int32_t EXPORT(kobako_response)(void) { return (int32_t)(uintptr_t)current->data; }
