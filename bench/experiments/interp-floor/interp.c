/*
 * The floor of an interpreter in WebAssembly (docs/BENCHMARKS.md, "What the guest pays over
 * native"): a register machine built like mruby's VM, small enough to read whole, compiled to
 * native code and to wasm32 by the same clang at the same -O level. Values are 16 bytes (a
 * union and a type tag, as mruby's MRB_NO_BOXING), registers live in memory, opcodes dispatch by
 * computed goto (which clang lowers to one br_table on wasm, as it does mruby's), and `^` is a
 * C method called through a table with values passed and returned by value, as mruby calls
 * Integer#^. The program is mruby's XOR loop, built at run time so that nothing is specialised.
 */
#include <stdint.h>

typedef struct {
  union {
    double f;
    int64_t i;
    void *p;
  } v;
  uint32_t tt;
} value;

enum { T_NIL, T_FALSE, T_TRUE, T_INT };
enum { OP_LOADI, OP_SEND, OP_MOVE, OP_ADDI, OP_LT, OP_JMPIF, OP_RETURN };

typedef value (*method)(value self, value arg);

static value int_xor(value self, value arg) {
  value r = {.tt = T_INT};
  if (arg.tt != T_INT) return (value){.tt = T_NIL};
  r.v.i = self.v.i ^ arg.v.i;
  return r;
}

static value int_plus(value self, value arg) {
  value r = {.tt = T_INT};
  if (__builtin_add_overflow(self.v.i, arg.v.i, &r.v.i)) r.tt = T_NIL;
  return r;
}

static method methods[2] = {int_xor, int_plus};
static uint8_t code[64];
static value regs[16];
static volatile uint32_t ticks;

/* Builds `r2 = 0; i = 0; while i < n: r2 = r2 ^ i; i += 1` into code[]. */
static void build(int32_t n) {
  uint8_t *c = code;
  *c++ = OP_LOADI, *c++ = 1, *c++ = 0, *c++ = 0, *c++ = 0, *c++ = 0;  /* r1 = 0 (i) */
  *c++ = OP_LOADI, *c++ = 2, *c++ = 0, *c++ = 0, *c++ = 0, *c++ = 0;  /* r2 = 0 (acc) */
  *c++ = OP_LOADI, *c++ = 3;                                            /* r3 = n */
  *c++ = n & 0xff, *c++ = (n >> 8) & 0xff, *c++ = (n >> 16) & 0xff, *c++ = (n >> 24) & 0xff;
  uint8_t *loop = c;
  *c++ = OP_SEND, *c++ = 4, *c++ = 2, *c++ = 1, *c++ = 0;  /* r4 = r2.^(r1) */
  *c++ = OP_MOVE, *c++ = 2, *c++ = 4;                       /* r2 = r4 */
  *c++ = OP_ADDI, *c++ = 1, *c++ = 1;                       /* r1 += 1 */
  *c++ = OP_LT, *c++ = 5, *c++ = 1, *c++ = 3;               /* r5 = r1 < r3 */
  *c++ = OP_JMPIF, *c++ = 5, *c++ = (uint8_t)(loop - code); /* if r5 goto loop */
  *c++ = OP_RETURN, *c++ = 2;
}

static int64_t exec(void) {
  static void *labels[] = {&&L_LOADI, &&L_SEND, &&L_MOVE, &&L_ADDI, &&L_LT, &&L_JMPIF, &&L_RETURN};
  const uint8_t *pc = code;
  value *r = regs;
#define NEXT goto *labels[*pc++]
  NEXT;
L_LOADI: {
  uint8_t a = pc[0];
  int32_t v = (int32_t)(pc[1] | pc[2] << 8 | pc[3] << 16 | (uint32_t)pc[4] << 24);
  r[a].tt = T_INT, r[a].v.i = v;
  pc += 5;
  NEXT;
}
L_SEND: {
  uint8_t a = pc[0], recv = pc[1], arg = pc[2], m = pc[3];
  r[a] = methods[m](r[recv], r[arg]);
  pc += 4;
  NEXT;
}
L_MOVE: {
  r[pc[0]] = r[pc[1]];
  pc += 2;
  NEXT;
}
L_ADDI: {
  value *x = &r[pc[0]];
  if (x->tt == T_INT && !__builtin_add_overflow(x->v.i, (int64_t)pc[1], &x->v.i)) {
    pc += 2;
    NEXT;
  }
  *x = methods[1](*x, (value){.v.i = pc[1], .tt = T_INT});
  pc += 2;
  NEXT;
}
L_LT: {
  value *x = &r[pc[1]], *y = &r[pc[2]];
  int lt = (x->tt == T_INT && y->tt == T_INT) ? x->v.i < y->v.i : x->v.f < y->v.f;
  r[pc[0]].tt = lt ? T_TRUE : T_FALSE;
  pc += 3;
  NEXT;
}
L_JMPIF: {
  /* mruby polls its deadline on backward jumps; so does the guest (KOBAKO_TICK) */
  if (r[pc[0]].tt == T_TRUE) {
    ticks++;
    pc = code + pc[1];
  } else {
    pc += 2;
  }
  NEXT;
}
L_RETURN:
  return r[pc[0]].v.i;
}

/* Runs the XOR loop of n iterations; returns its result. */
int64_t run(int32_t n) {
  build(n);
  return exec();
}
