/* Gem entry points: defines the Kobako module and the C parts of the runtime. The Ruby parts
 * (mrblib/) are loaded by mruby right after this. */
#include <mruby.h>

#include "handle.h"
#include "seed.h"
#include "service.h"

void kobako_output_init(mrb_state *mrb, struct RClass *kobako);
void kobako_regexp_init(mrb_state *mrb);
void kobako_float_init(mrb_state *mrb);
void kobako_casemap_init(mrb_state *mrb);

void mrb_kobako_runtime_gem_init(mrb_state *mrb) {
  struct RClass *kobako = mrb_define_module(mrb, "Kobako");
  kobako_output_init(mrb, kobako);
  kobako_regexp_init(mrb);
  kobako_float_init(mrb);
  kobako_casemap_init(mrb);
  kobako_handle_init(mrb, kobako);
  kobako_service_init(mrb, kobako);
  mrb_define_class_under(mrb, kobako, "TimeoutError", mrb->eException_class);
  kobako_seed_init(mrb);
}

void mrb_kobako_runtime_gem_final(mrb_state *mrb) { (void)mrb; }
