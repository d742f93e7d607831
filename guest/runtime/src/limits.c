/*
 * The caps of one invocation, set by the host with kobako_limits() before kobako_invoke.
 *
 * Memory: mruby allocates through kobako_allocf, which counts the live bytes of the Ruby state
 * (the usable size of every block, which is also what it checks). Past baseline + limit it
 * refuses; mruby then runs a full GC and asks again, and a second refusal of the same request
 * is final: the invocation ends as "memory", whatever the script
 * does with the NoMemoryError (every later allocation is refused too).
 *
 * Time: the patched VM calls kobako_tick every few thousand backward jumps and sends; past the
 * deadline it raises Kobako::TimeoutError (not a StandardError). A script that rescues it and
 * runs on for another tick interval traps (`unreachable`); kobako_cap_hit() then says why.
 */
#include "limits.h"

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TICK_INTERVAL 4096

int32_t kobako_ticks = INT32_MAX;

static size_t memory_limit;    /* bytes; 0 = none */
static uint64_t time_budget_ns; /* 0 = none */
static uint64_t deadline_ns;
static bool deadline_hit;

static size_t live;     /* bytes held by mruby */
static size_t baseline; /* live at kobako_limits_take_baseline */
static size_t peak;     /* highest live since the baseline */
static bool memory_hit;
static void *refused_p;
static size_t refused_size;

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* mruby retries the very same request after a full GC: a second refusal is final. */
static void *refuse(void *p, size_t size) {
  if (p == refused_p && size == refused_size) memory_hit = true;
  refused_p = p;
  refused_size = size;
  return NULL;
}

void *kobako_allocf(mrb_state *mrb, void *p, size_t size, void *ud) {
  (void)mrb;
  (void)ud;
  if (size == 0) {
    if (p) {
      live -= malloc_usable_size(p);
      free(p);
    }
    return NULL;
  }
  if (memory_hit) return refuse(p, size);
  size_t old = p ? malloc_usable_size(p) : 0;
  void *q;
  if (!memory_limit || size <= old) {
    q = realloc(p, size);
    if (!q) return NULL;
  } else {
    /* Growing under a cap: take the new block first, so that the check is on what is counted
     * (the block's usable size, which may exceed the request) and a refusal leaves p as it was.
     * A request over the cap by itself is refused without asking malloc. */
    size_t cap = baseline + memory_limit;
    size_t room = live < cap ? cap - live : 0; /* how much more may be held */
    if (size - old > room) return refuse(p, size);
    q = malloc(size);
    if (!q) return NULL;
    if (malloc_usable_size(q) - old > room) {
      free(q);
      return refuse(p, size);
    }
    if (p) {
      memcpy(q, p, old < size ? old : size);
      free(p);
    }
  }
  refused_p = NULL;
  refused_size = 0;
  live = live - old + malloc_usable_size(q);
  if (live > peak) peak = live;
  return q;
}

__attribute__((export_name("kobako_limits"))) void kobako_limits(int32_t memory, int32_t time_ms) {
  memory_limit = memory > 0 ? (size_t)memory : 0;
  time_budget_ns = time_ms > 0 ? (uint64_t)time_ms * 1000000u : 0;
}

__attribute__((export_name("kobako_memory_peak"))) int32_t kobako_memory_peak(void) {
  size_t used = peak > baseline ? peak - baseline : 0;
  return used > INT32_MAX ? INT32_MAX : (int32_t)used;
}

void kobako_limits_start_clock(void) {
  deadline_hit = false;
  memory_hit = false;
  refused_p = NULL;
  refused_size = 0;
  baseline = peak = live;
  deadline_ns = time_budget_ns ? now_ns() + time_budget_ns : 0;
  kobako_ticks = deadline_ns ? TICK_INTERVAL : INT32_MAX;
}

void kobako_limits_take_baseline(void) { baseline = peak = live; }

bool kobako_limits_memory_hit(void) { return memory_hit; }
bool kobako_limits_deadline_hit(void) { return deadline_hit; }

void kobako_tick(mrb_state *mrb) {
  if (!deadline_ns) {
    kobako_ticks = INT32_MAX;
    return;
  }
  kobako_ticks = TICK_INTERVAL;
  /* The script rescued the TimeoutError (rescue Exception; retry) and ran on for another tick
   * interval: end it for good. The host reads kobako_cap_hit() after the trap. */
  if (deadline_hit) __builtin_trap();
  if (now_ns() < deadline_ns) return;
  deadline_hit = true;
  struct RClass *timeout = mrb_class_get_under(mrb, mrb_module_get(mrb, "Kobako"), "TimeoutError");
  mrb_raise(mrb, timeout, "execution expired");
}

/* Which cap ended the last invocation: 0 none, 1 memory, 2 time (time wins when both). Readable
 * after a trap. */
__attribute__((export_name("kobako_cap_hit"))) int32_t kobako_cap_hit(void) {
  return deadline_hit ? 2 : memory_hit ? 1 : 0;
}
