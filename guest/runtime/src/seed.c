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

static mrb_value random_class(mrb_state *mrb) {
  return mrb_obj_value(mrb_class_get(mrb, "Random"));
}

void kobako_seed_apply(mrb_state *mrb) {
  /* Random.srand is the seeding interface every mruby version keeps. */
  mrb_funcall(mrb, random_class(mrb), "srand", 1, mrb_int_value(mrb, (mrb_int)seed));
}

/* Random#initialize: mruby 3.1 starts a Random made without a seed from fixed constants (the
 * same numbers in every invocation); this one draws the seed from the default generator, which
 * follows the host's seed. With a seed it does what mruby's does (Random#srand(seed) is the same
 * reset). Written in C with existing method names only, so the boot state interns no new symbol
 * (symbol ids decide the order of instance variables, which scripts see). */
static mrb_value random_initialize(mrb_state *mrb, mrb_value self) {
  mrb_value given = mrb_nil_value();
  mrb_int argc = mrb_get_args(mrb, "|o", &given);
  if (argc == 0) {
    /* Random.rand draws from the default generator, whatever a version of mruby calls it. */
    mrb_value bound = mrb_int_value(mrb, (mrb_int)0x100000000LL);
    given = mrb_funcall(mrb, random_class(mrb), "rand", 1, bound);
  }
  mrb_funcall(mrb, self, "srand", 1, given);
  return self;
}

void kobako_seed_init(mrb_state *mrb) {
  /* Random exists already: mruby-random comes before this gem in build_config.rb, and
   * gems are initialised in that order. (A declared dependency would reorder the gems and shift
   * the ids of the symbols the boot interns.) */
  mrb_define_method(mrb, mrb_class_get(mrb, "Random"), "initialize", random_initialize,
                    MRB_ARGS_OPT(1));
}
