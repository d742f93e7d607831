/*
 * sbrk with its break pointer in linear memory.
 *
 * wasi-libc's sbrk derives the break from memory.size and keeps no state. The host restores a
 * snapshot of linear memory before every invocation, but memory cannot shrink: with that sbrk,
 * dlmalloc's restored state would never reuse the pages grown by earlier invocations (memory grew
 * by megabytes per run). Keeping the break here means a restore rewinds it too.
 */
#ifdef __wasm__ /* native builds (conformance's native mruby of the guest) keep libc's own */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>

#define PAGE_SIZE 65536u

static uintptr_t current_break; /* 0 until the first call */

void *sbrk(intptr_t increment) {
  uintptr_t have = (uintptr_t)__builtin_wasm_memory_size(0) * PAGE_SIZE;
  /* dlmalloc's first call, sbrk(0), must return the end of the initial memory: it hands the
   * space between __heap_base and there to the allocator. */
  if (current_break == 0) current_break = have;
  if (increment == 0) return (void *)current_break;
  if (increment < 0 || (uintptr_t)increment > UINTPTR_MAX - current_break) {
    errno = ENOMEM;
    return (void *)-1;
  }
  uintptr_t old = current_break;
  uintptr_t wanted = old + (uintptr_t)increment;
  if (wanted > have) {
    size_t pages = (wanted - have + PAGE_SIZE - 1) / PAGE_SIZE;
    if (__builtin_wasm_memory_grow(0, pages) == SIZE_MAX) {
      errno = ENOMEM;
      return (void *)-1;
    }
  }
  current_break = wanted;
  return (void *)old;
}

/* The heap's end: memory past it was never handed out since the snapshot that set it, so after
 * an invocation the host needs to zero grown memory only up to here. */
__attribute__((export_name("kobako_heap_break"))) int32_t kobako_heap_break(void) {
  return (int32_t)current_break;
}
#endif
