/* Gem entry points: defines the Kobako module and the C parts of the runtime. The Ruby parts
 * (mrblib/) are loaded by mruby right after this. */
#include <mruby.h>
#include <mruby/class.h>
#include <mruby/error.h>

#include "handle.h"
#include "seed.h"
#include "service.h"

void kobako_output_init(mrb_state *mrb, struct RClass *kobako);
void kobako_regexp_init(mrb_state *mrb);
void kobako_float_init(mrb_state *mrb);
void kobako_defined_init(mrb_state *mrb);
void kobako_casemap_init(mrb_state *mrb);
void kobako_binary_string_init(mrb_state *mrb);

/* Kobako.__recv_desc(obj): how CRuby 3.4's error messages name a receiver ("an instance of Foo",
 * "nil", "main", "class Foo"); mrb_recv_desc comes from guest patch 31. */
static mrb_value recv_desc(mrb_state *mrb, mrb_value self) {
  (void)self;
  return mrb_recv_desc(mrb, mrb_get_arg1(mrb));
}

void mrb_kobako_runtime_gem_init(mrb_state *mrb) {
  struct RClass *kobako = mrb_define_module(mrb, "Kobako");
  kobako_output_init(mrb, kobako);
  kobako_regexp_init(mrb);
  kobako_float_init(mrb);
  kobako_defined_init(mrb);
  kobako_casemap_init(mrb);
  kobako_binary_string_init(mrb);
  kobako_handle_init(mrb, kobako);
  kobako_service_init(mrb, kobako);
  mrb_define_class_under(mrb, kobako, "TimeoutError", mrb->eException_class);
  /* throw (mrblib/catch.rb): rescue clauses let it pass unless they name it (guest patch 32) */
  struct RClass *throw_jump = mrb_define_class_under(mrb, kobako, "ThrowJump", mrb->eException_class);
  throw_jump->flags |= MRB_FL_CLASS_IS_THROW;
  kobako_seed_init(mrb);
  mrb_define_module_function(mrb, kobako, "__recv_desc", recv_desc, MRB_ARGS_REQ(1));
}

void mrb_kobako_runtime_gem_final(mrb_state *mrb) { (void)mrb; }
