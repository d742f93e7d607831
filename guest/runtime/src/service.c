/*
 * Kobako.__service_call(target, name, args, kwargs, block): the guest half of a service call.
 * The request goes to the host through the kobako.service_call import, which returns only when
 * the host has answered (docs/ABI.md, "ABI 2"). A reply may ask the guest to run the block it
 * passed; the guest runs it and answers with another request, until a final reply arrives.
 */
#include "service.h"

#include <mruby/array.h>
#include <mruby/error.h>
#include <mruby/hash.h>
#include <mruby/proc.h>
#include <mruby/string.h>
#include <mruby/variable.h>
#include <stdlib.h>
#include <string.h>

#include "envelope.h"
#include "handle.h"
#include "value_decoder.h"
#include "value_encoder.h"
#include "wire_reader.h"
#include "wire_writer.h"

#ifdef __wasm__
__attribute__((import_module("kobako"), import_name("service_call"))) int32_t
kobako_host_service_call(const uint8_t *request, int32_t len);
#else
/* Native builds (conformance's native mruby of the guest, for mruby's own tests) have no host:
 * no service is ever defined there, and a direct call is not answered. */
static int32_t kobako_host_service_call(const uint8_t *request, int32_t len) {
  (void)request;
  (void)len;
  return -1;
}
#endif

enum { REQUEST_CALL = 0, REQUEST_BLOCK_VALUE = 1, REQUEST_BLOCK_ERROR = 2, REQUEST_BLOCK_LEFT = 3 };
enum { REPLY_VALUE = 0, REPLY_ERROR = 1, REPLY_RUN_BLOCK = 2 };

/* One request is encoded and sent before any other can start (a block runs only between two
 * requests), so one writer and one reply buffer serve every nesting level. */
static wire_writer request;
static uint8_t *reply;
static size_t reply_cap;

__attribute__((export_name("kobako_reply_buffer"))) int32_t kobako_reply_buffer(int32_t len) {
  if (len < 0) return 0;
  if ((size_t)len > reply_cap || reply == NULL) {
    uint8_t *p = realloc(reply, len > 0 ? (size_t)len : 1);
    if (!p) return 0;
    reply = p;
    reply_cap = (size_t)len;
  }
  return (int32_t)(uintptr_t)reply;
}

static struct RClass *service_error_class(mrb_state *mrb) {
  return mrb_class_get_under(mrb, mrb_module_get(mrb, "Kobako"), "ServiceError");
}

/* Exceptions raised for real host failures, kept where scripts cannot add to them, each with
 * the id of the host's error reply (0: the host gave none, e.g. it did not answer). The id goes
 * back in the error envelope, so the host finds the failure it reported without comparing
 * messages. */
static mrb_value failures(mrb_state *mrb) {
  mrb_value list = mrb_gv_get(mrb, mrb_intern_lit(mrb, "__kobako_service_failures"));
  if (!mrb_array_p(list)) {
    list = mrb_ary_new(mrb);
    mrb_gv_set(mrb, mrb_intern_lit(mrb, "__kobako_service_failures"), list);
  }
  return list;
}

bool kobako_service_failure(mrb_state *mrb, mrb_value exc, mrb_int *id) {
  mrb_value list = failures(mrb);
  for (mrb_int i = 0; i < RARRAY_LEN(list); i++) {
    mrb_value entry = RARRAY_PTR(list)[i];
    if (!mrb_array_p(entry) || RARRAY_LEN(entry) != 2) continue;
    if (!mrb_obj_eq(mrb, RARRAY_PTR(entry)[0], exc)) continue;
    mrb_value known = RARRAY_PTR(entry)[1];
    *id = mrb_integer_p(known) ? mrb_integer(known) : 0;
    return true;
  }
  return false;
}

static mrb_noreturn void raise_service_error(mrb_state *mrb, mrb_value message, mrb_int id) {
  mrb_value exc = mrb_exc_new_str(mrb, service_error_class(mrb), message);
  mrb_value entry[2] = {exc, mrb_int_value(mrb, id)};
  mrb_ary_push(mrb, failures(mrb), mrb_ary_new_from_values(mrb, 2, entry));
  mrb_exc_raise(mrb, exc);
}

static void encode_or_raise(mrb_state *mrb, mrb_value v) {
  encode_failure failure;
  if (!kobako_encode_value(mrb, &request, v, &failure)) {
    const char *klass = mrb_obj_classname(mrb, failure.culprit);
    mrb_raisef(mrb, E_TYPE_ERROR, "%s cannot be passed to a service: %s", klass ? klass : "value",
               failure.message);
  }
}

/* Sends the request in `request` and leaves a reader over the reply. */
static void exchange(mrb_state *mrb, wire_reader *r) {
  if (request.too_large)
    mrb_raise(mrb, E_ARGUMENT_ERROR, "service call arguments exceed the 16 MiB payload cap");
  if (request.failed) mrb_raise(mrb, E_RUNTIME_ERROR, "out of memory encoding a service call");
  int32_t n = kobako_host_service_call(request.data, (int32_t)request.len);
  if (n < 0 || (size_t)n > reply_cap)
    raise_service_error(mrb, mrb_str_new_lit(mrb, "the host did not answer the service call"), 0);
  wire_reader_init(r, reply, (size_t)n);
}

/* Raises for the reply's {klass, message, id} (a map or a Dict): only the message is shown to
 * the script; the id links the exception to the host's record of the failure. */
static mrb_noreturn void raise_reply_error(mrb_state *mrb, wire_reader *r) {
  mrb_value error = kobako_decode_value(mrb, r, FALSE);
  mrb_value message = mrb_nil_value(), id = mrb_nil_value();
  if (mrb_hash_p(error)) {
    message = mrb_hash_get(mrb, error, mrb_str_new_lit(mrb, "message"));
    id = mrb_hash_get(mrb, error, mrb_str_new_lit(mrb, "id"));
  }
  if (!mrb_string_p(message)) message = mrb_str_new_lit(mrb, "service failed");
  raise_service_error(mrb, message, mrb_integer_p(id) && mrb_integer(id) > 0 ? mrb_integer(id) : 0);
}

/* A break, or a throw (Kobako::ThrowJump, mrblib/catch.rb), leaving the block: Ruby unwinds
 * through the service call rather than reporting an error to it. */
static mrb_bool nonlocal_exit_p(mrb_state *mrb, mrb_value out) {
  if (mrb_break_p(out)) return TRUE;
  struct RClass *jump = mrb_class_get_under(mrb, mrb_module_get(mrb, "Kobako"), "ThrowJump");
  return mrb_obj_is_kind_of(mrb, out, jump);
}

typedef struct {
  mrb_value block;
  mrb_value args;
} block_call;

static mrb_value run_block(mrb_state *mrb, void *data) {
  block_call *call = data;
  return mrb_yield_argv(mrb, call->block, RARRAY_LEN(call->args), RARRAY_PTR(call->args));
}

static mrb_value service_call(mrb_state *mrb, mrb_value self) {
  mrb_value target, args, kwargs, block, path;
  mrb_sym name;
  uint32_t handle = 0;
  (void)self;
  mrb_get_args(mrb, "onAoo", &target, &name, &args, &kwargs, &block);
  bool is_service = kobako_service_path(mrb, target, &path);
  if (!is_service && !kobako_handle_id(mrb, target, &handle))
    mrb_raise(mrb, E_TYPE_ERROR, "service calls go to a Kobako::Service or a Kobako::Handle");
  if (!mrb_nil_p(kwargs) && !mrb_hash_p(kwargs)) mrb_raise(mrb, E_TYPE_ERROR, "kwargs must be a Hash");
  if (!mrb_nil_p(block) && !mrb_proc_p(block)) mrb_raise(mrb, E_TYPE_ERROR, "block must be a Proc");
  bool has_kwargs = mrb_hash_p(kwargs) && mrb_hash_size(mrb, kwargs) > 0;

  wire_reset(&request);
  wire_array_header(&request, 6);
  wire_int(&request, REQUEST_CALL);
  encode_or_raise(mrb, is_service ? path : target);
  mrb_int name_len;
  const char *name_ptr = mrb_sym_name_len(mrb, name, &name_len);
  wire_str(&request, name_ptr, (size_t)name_len);
  encode_or_raise(mrb, args);
  if (has_kwargs) encode_or_raise(mrb, kwargs);
  else wire_nil(&request);
  wire_bool(&request, !mrb_nil_p(block));

  mrb_value left = mrb_nil_value(); /* a break/throw out of the block, re-raised at the end */
  for (;;) {
    wire_reader r;
    wire_item head, tag;
    exchange(mrb, &r);
    if (!wire_next(&r, &head) || head.kind != WIRE_ARRAY || head.len != 2 || !wire_next(&r, &tag) ||
        tag.kind != WIRE_INT)
      raise_service_error(mrb, mrb_str_new_lit(mrb, "malformed reply from the host"), 0);

    if (tag.i == REPLY_VALUE) {
      mrb_value v = kobako_decode_value(mrb, &r, FALSE);
      if (!mrb_nil_p(left)) mrb_exc_raise(mrb, left);
      return v;
    }
    if (tag.i == REPLY_ERROR) {
      if (!mrb_nil_p(left)) mrb_exc_raise(mrb, left);
      raise_reply_error(mrb, &r);
    }
    if (tag.i != REPLY_RUN_BLOCK || mrb_nil_p(block) || !mrb_nil_p(left))
      raise_service_error(mrb, mrb_str_new_lit(mrb, "the host asked for a block that is not there"), 0);

    block_call call = {block, kobako_decode_value(mrb, &r, FALSE)};
    if (!mrb_array_p(call.args)) raise_service_error(mrb, mrb_str_new_lit(mrb, "block arguments must be an array"), 0);
    mrb_bool raised = FALSE;
    mrb_value out = mrb_protect_error(mrb, run_block, &call, &raised);
    wire_reset(&request);
    wire_array_header(&request, 2);
    if (!raised) {
      wire_int(&request, REQUEST_BLOCK_VALUE);
      encode_failure failure;
      if (!kobako_encode_value(mrb, &request, out, &failure)) {
        /* The block's value has no mapping: report it as the block raising. */
        wire_reset(&request);
        wire_array_header(&request, 2);
        wire_int(&request, REQUEST_BLOCK_ERROR);
        wire_map_header(&request, 2);
        wire_cstr(&request, "klass");
        wire_cstr(&request, "TypeError");
        wire_cstr(&request, "message");
        wire_cstr(&request, failure.message);
      }
    } else if (nonlocal_exit_p(mrb, out)) {
      /* break or throw: the host abandons the call; we keep unwinding once it has answered. */
      left = out;
      wire_int(&request, REQUEST_BLOCK_LEFT);
      wire_nil(&request);
    } else {
      wire_int(&request, REQUEST_BLOCK_ERROR);
      wire_map_header(&request, 2);
      wire_cstr(&request, "klass");
      const char *klass = mrb_obj_classname(mrb, out);
      wire_str_clipped(&request, klass, strlen(klass), 1024);
      wire_cstr(&request, "message");
      kobako_wire_message(&request, kobako_exception_message(mrb, out));
    }
  }
}

void kobako_service_init(mrb_state *mrb, struct RClass *kobako) {
  mrb_define_class_under(mrb, kobako, "ServiceError", mrb->eStandardError_class);
  mrb_define_module_function(mrb, kobako, "__service_call", service_call, MRB_ARGS_REQ(5));
  failures(mrb);
}
