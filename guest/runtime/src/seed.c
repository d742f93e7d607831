/*
 * The seed of the guest's random source, given by the host for each invocation (kobako_seed,
 * docs/ABI.md). mruby seeds Random::DEFAULT from fixed constants at boot, and the boot state is
 * the snapshot every invocation starts from: without this, rand returns the same numbers in every
 * invocation of every sandbox, and one tenant could predict another's.
 */
#include "seed.h"

#include <mruby/class.h>

static uint32_t seed;

__attribute__((export_name("kobako_seed"))) void kobako_seed(int32_t value) {
  seed = (uint32_t)value;
}

void kobako_seed_apply(mrb_state *mrb) {
  /* Random.srand is the only seeding interface every mruby version keeps; Random.new without a
   * seed draws from Random::DEFAULT (mrblib/random.rb). */
  mrb_value random = mrb_obj_value(mrb_class_get(mrb, "Random"));
  mrb_funcall(mrb, random, "srand", 1, mrb_int_value(mrb, (mrb_int)seed));
}
