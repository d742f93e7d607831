/*
 * The exports of docs/ABI.md: boot the Ruby state, hand the host a request buffer, evaluate a
 * script and leave a response envelope for the host to read.
 */
#include <mruby.h>
#include <mruby/error.h>
#include <stdlib.h>

#include "envelope.h"
#include "invoke.h"
#include "limits.h"
#include "seed.h"
#include "wire_writer.h"

#define KOBAKO_ABI_VERSION 2
#define EXPORT(name) __attribute__((export_name(#name))) name

static mrb_state *mrb;
static uint8_t *request;
static size_t request_cap;
static wire_writer response;
static wire_writer fallback; /* a complete envelope encoded at boot, for when memory runs out */
static wire_writer too_large; /* the same for a response past WIRE_MAX_BYTES */
static const wire_writer *current = &fallback;

int32_t EXPORT(kobako_abi_version)(void) { return KOBAKO_ABI_VERSION; }

int32_t EXPORT(kobako_boot)(void) {
  mrb = mrb_open_allocf(kobako_allocf, NULL);
  if (!mrb) return 1;
  kobako_envelope_fallback(&fallback);
  kobako_envelope_too_large(&too_large);
  return fallback.failed || too_large.failed ? 2 : 0;
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
  const uint8_t *bytes;
  size_t len;
  mrb_bool full_request; /* ABI 2 invocation request, else ABI 1 source */
} invocation;

static mrb_value invoke_body(mrb_state *mrb, void *data) {
  invocation *inv = data;
  kobako_seed_apply(mrb);
  if (inv->full_request) kobako_invoke_request(mrb, &response, inv->bytes, inv->len);
  else kobako_invoke_eval(mrb, &response, (const char *)inv->bytes, inv->len);
  return mrb_nil_value();
}

static int32_t invoke(int32_t len, mrb_bool full_request) {
  wire_reset(&response);
  if (len < 0 || (size_t)len > request_cap) len = 0;
  invocation inv = {request, (size_t)len, full_request};
  int arena = mrb_gc_arena_save(mrb);
  mrb_bool failed = FALSE;
  kobako_limits_start_clock();
  mrb_value exc = mrb_protect_error(mrb, invoke_body, &inv, &failed);
  if (kobako_limits_memory_hit() || kobako_limits_deadline_hit()) {
    /* A cap ended the run: that is the outcome, whatever the script rescued or returned. */
    kobako_envelope_cap(&response, kobako_limits_memory_hit());
  } else if (failed) {
    /* Raised outside the script's own protection: a malformed request, `run` itself, or the
     * runtime while parsing, compiling or encoding (e.g. NoMemoryError). */
    wire_reset(&response);
    kobako_envelope_exception(mrb, &response, exc);
  }
  mrb_gc_arena_restore(mrb, arena);
  current = !response.failed ? &response : response.too_large ? &too_large : &fallback;
  return (int32_t)current->len;
}

int32_t EXPORT(kobako_eval)(int32_t len) { return invoke(len, FALSE); }

int32_t EXPORT(kobako_invoke)(int32_t len) { return invoke(len, TRUE); }

int32_t EXPORT(kobako_response)(void) { return (int32_t)(uintptr_t)current->data; }
