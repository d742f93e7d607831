/* The per-invocation seed of the guest's random source. */
#ifndef KOBAKO_SEED_H
#define KOBAKO_SEED_H

#include <mruby.h>

/* Makes Random.new without a seed draw from Random::DEFAULT. At boot. */
void kobako_seed_init(mrb_state *mrb);
/* Seeds Random::DEFAULT with the seed the host set for this invocation. May raise. */
void kobako_seed_apply(mrb_state *mrb);

#endif
