/*
 * The runtime clang-19 expects for setjmp/longjmp lowered onto WebAssembly exception handling
 * (`-mllvm -wasm-enable-sjlj`). See ../../../docs/ABI.md and ../../include/setjmp.h.
 *
 * setjmp(env) is rewritten by the compiler into __wasm_setjmp(env, label, id), and every call
 * that may longjmp gets a landing pad that catches the __c_longjmp tag and asks
 * __wasm_setjmp_test(env, id) whether the jump targets a setjmp of this function invocation.
 */
#include <setjmp.h>
#include <stdint.h>

struct jmp_state {
  void *func_invocation_id;
  uint32_t label;
};

/* What a longjmp throws: it must outlive __wasm_longjmp's frame. One suffices: a longjmp
 * completes (is caught) before another can start. */
static struct {
  void *env;
  int val;
} longjmp_arg;

void __wasm_setjmp(void *env, uint32_t label, void *func_invocation_id) {
  struct jmp_state *state = env;
  state->func_invocation_id = func_invocation_id;
  state->label = label;
}

uint32_t __wasm_setjmp_test(void *env, void *func_invocation_id) {
  struct jmp_state *state = env;
  if (state->func_invocation_id == func_invocation_id) return state->label;
  return 0;
}

/* The tag thrown by __wasm_longjmp; must be defined in this object (clang crashes with
 * "undefined tag symbol cannot be weak" otherwise). */
__asm__(".globl __c_longjmp\n"
        ".tagtype __c_longjmp i32\n"
        "__c_longjmp:\n");

void __wasm_longjmp(void *env, int val) {
  longjmp_arg.env = env;
  longjmp_arg.val = val == 0 ? 1 : val;
  __builtin_wasm_throw(1, &longjmp_arg);
}
