import wabtInit from "wabt";

/**
 * A stand-in for kobako.wasm that speaks ABI 1 but runs one-letter commands instead of Ruby, so
 * tests can make the guest trap, exit, grow memory or misbehave on demand. Every eval bumps a
 * counter in linear memory and moves the stack pointer: with snapshot restore working, each eval
 * sees the counter at 1 and the stack pointer at its boot value.
 *
 * Commands (first byte of the source): `t` traps, `e` calls proc_exit, `g` grows memory and
 * writes 7 past the snapshot, `r` returns that byte (99 when memory was not grown), `s` returns
 * 1 when the stack pointer started at its boot value, `o` writes the source to stdout and `w` to
 * stderr, `x` returns a malformed envelope, `z` returns an envelope outside memory; anything else
 * returns the counter.
 */
const wat = `
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 2)
  (global $sp (export "__stack_pointer") (mut i32) (i32.const 512))
  (func (export "_initialize"))
  (func (export "kobako_abi_version") (result i32) (i32.const VERSION))
  (func (export "kobako_boot") (result i32) (i32.const 0))
  (func (export "kobako_buffer") (param i32) (result i32) (i32.const 1024))
  (func (export "kobako_response") (result i32)
    (if (result i32) (i32.eq (i32.load8_u (i32.const 1024)) (i32.const 0x7a))
      (then (i32.const 0x7ffffff0)) (else (i32.const 2048))))
  (func $write (param $fd i32) (param $len i32)
    (i32.store (i32.const 3000) (i32.const 1024))
    (i32.store (i32.const 3004) (local.get $len))
    (drop (call $fd_write (local.get $fd) (i32.const 3000) (i32.const 1) (i32.const 3100))))
  (func (export "kobako_eval") (param $len i32) (result i32)
    (local $cmd i32) (local $value i32)
    (local.set $value (i32.eq (global.get $sp) (i32.const 512)))
    (global.set $sp (i32.sub (global.get $sp) (i32.const 16)))
    (i32.store8 (i32.const 4096) (i32.add (i32.load8_u (i32.const 4096)) (i32.const 1)))
    (local.set $cmd (i32.load8_u (i32.const 1024)))
    (if (i32.eq (local.get $cmd) (i32.const 0x74)) (then unreachable))
    (if (i32.eq (local.get $cmd) (i32.const 0x65)) (then (call $proc_exit (i32.const 3))))
    (if (i32.ne (local.get $cmd) (i32.const 0x73))
      (then (local.set $value (i32.load8_u (i32.const 4096)))))
    (if (i32.eq (local.get $cmd) (i32.const 0x67))
      (then (drop (memory.grow (i32.const 1))) (i32.store8 (i32.const 140000) (i32.const 7))))
    (if (i32.eq (local.get $cmd) (i32.const 0x72))
      (then (local.set $value
        (if (result i32) (i32.gt_u (memory.size) (i32.const 2))
          (then (i32.load8_u (i32.const 140000))) (else (i32.const 99))))))
    (if (i32.eq (local.get $cmd) (i32.const 0x6f)) (then (call $write (i32.const 1) (local.get $len))))
    (if (i32.eq (local.get $cmd) (i32.const 0x77)) (then (call $write (i32.const 2) (local.get $len))))
    (i32.store8 (i32.const 2048) (i32.const 0x92))
    (i32.store8 (i32.const 2049) (i32.const 0x00))
    (i32.store8 (i32.const 2050) (local.get $value))
    (if (i32.eq (local.get $cmd) (i32.const 0x78)) (then (i32.store8 (i32.const 2049) (i32.const 0xc1))))
    (i32.const 3)))
`;

/** Compiles the fake guest; `abiVersion` lets a test present a guest of another ABI. */
export async function fakeGuest(abiVersion = 1): Promise<WebAssembly.Module> {
  const wabt = await wabtInit();
  const module = wabt.parseWat("fake-guest.wat", wat.replace("VERSION", String(abiVersion)));
  try {
    const { buffer } = module.toBinary({});
    return WebAssembly.compile(new Uint8Array(buffer));
  } finally {
    module.destroy();
  }
}
