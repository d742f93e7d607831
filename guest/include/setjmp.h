/*
 * setjmp.h for wasm32-wasi builds of the kobako guest.
 *
 * Debian's wasi-libc (2022) ships no setjmp.h. clang lowers setjmp/longjmp onto WebAssembly
 * exception handling when every file is compiled with `-mllvm -wasm-enable-sjlj
 * -mexception-handling`; it then only needs these declarations and the small runtime in
 * runtime/src/sjlj.c (__wasm_setjmp, __wasm_setjmp_test, __wasm_longjmp).
 */
#ifndef KOBAKO_SETJMP_H
#define KOBAKO_SETJMP_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* clang's lowering stores the label and the function invocation id here (two words). */
typedef struct {
  void *func_invocation_id;
  uint32_t label;
  uint32_t pad[2];
} jmp_buf[1];

int setjmp(jmp_buf env) __attribute__((returns_twice));
_Noreturn void longjmp(jmp_buf env, int val);

#define _setjmp setjmp
#define _longjmp longjmp

#ifdef __cplusplus
}
#endif

#endif /* KOBAKO_SETJMP_H */
