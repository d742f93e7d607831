/* Per-invocation caps: a cooperative deadline and a memory limit on the Ruby heap. */
#ifndef KOBAKO_LIMITS_H
#define KOBAKO_LIMITS_H

#include <mruby.h>
#include <stdbool.h>
#include <stddef.h>

/* mruby's allocator: counts live bytes and refuses past the invocation's cap. */
void *kobako_allocf(mrb_state *mrb, void *p, size_t size, void *ud);

/* Starts the clock of the invocation's time budget (set by kobako_limits). */
void kobako_limits_start_clock(void);
/* Takes the memory baseline: what the state holds before the script's own work. */
void kobako_limits_take_baseline(void);
/* Which cap, if any, ended the invocation. */
bool kobako_limits_memory_hit(void);
bool kobako_limits_deadline_hit(void);

#endif
