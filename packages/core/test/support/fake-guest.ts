import wabtInit from "wabt";

/**
 * A stand-in for kobako.wasm that speaks ABI 2 but runs one-letter commands instead of Ruby, so
 * tests can make the guest trap, exit, grow memory, call services or misbehave on demand. The
 * command is the source of an eval action (a str at the end of the invocation request, found by
 * scanning back for its header; sources are ASCII and shorter than 256 bytes). Every invocation
 * bumps a counter in linear memory and moves the stack pointer: with snapshot restore working,
 * each sees the counter at 1 and the stack pointer at its boot value.
 *
 * Commands: `t` traps, `e` calls proc_exit, `g` grows memory and writes 7 past the snapshot, `r`
 * returns that byte (99 when memory was not grown), `G` does what `g` does, then claims a heap break
 * of 0 and traps, `s` returns 1 when the stack pointer started
 * at its boot value, `o` writes the source to stdout and `w` to stderr, `x` returns a malformed
 * envelope, `z` returns an envelope outside memory; `c` followed by hex digits makes those bytes a
 * service request, calls `kobako.service_call` once (`m`: 1000 times) and returns `[0, reply]`
 * (`[0, -1]` when the call failed); `l` makes a service call of 17 MiB; `L` leaves a response
 * envelope of 17 MiB; `q` returns the timeout `kobako_limits` set, in units of 100 ms; `h` spins
 * forever without checking any deadline (what only the host's hard backstop ends); anything
 * else returns the counter. `kobako_memory_peak` reports the memory cap `kobako_limits` set, and
 * `kobako_heap_break` the end of memory (a break of 0 after `G`).
 */
const wat = `
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (import "kobako" "service_call" (func $service_call (param i32 i32) (result i32)))
  (memory (export "memory") 2)
  (global $sp (export "__stack_pointer") (mut i32) (i32.const 512))
  (global $src (mut i32) (i32.const 0))
  (global $srclen (mut i32) (i32.const 0))
  (global $resp (mut i32) (i32.const 70000))
  (func (export "_initialize"))
  (func (export "kobako_abi_version") (result i32) (i32.const VERSION))
  (func (export "kobako_boot") (result i32) (i32.const 0))
  ;; The caps live in linear memory, so the boot snapshot holds none.
  (func (export "kobako_limits") (param i32 i32)
    (i32.store (i32.const 70300) (local.get 0))
    (i32.store (i32.const 70304) (local.get 1)))
  (func (export "kobako_seed") (param i32))
  (func (export "kobako_memory_peak") (result i32) (i32.load (i32.const 70300)))
  (func (export "kobako_heap_break") (result i32)
    (if (result i32) (i32.load8_u (i32.const 70308))
      (then (i32.const 0)) (else (i32.mul (memory.size) (i32.const 65536)))))
  (func (export "kobako_buffer") (param i32) (result i32) (i32.const 1024))
  (func (export "kobako_reply_buffer") (param $len i32) (result i32)
    (if (result i32) (i32.gt_u (local.get $len) (i32.const 48000))
      (then (i32.const 0)) (else (i32.const 80000))))
  (func (export "kobako_response") (result i32)
    (if (result i32) (i32.eq (i32.load8_u (global.get $src)) (i32.const 0x7a))
      (then (i32.const 0x7ffffff0)) (else (global.get $resp))))
  (func $write (param $fd i32)
    (i32.store (i32.const 70100) (global.get $src))
    (i32.store (i32.const 70104) (global.get $srclen))
    (drop (call $fd_write (local.get $fd) (i32.const 70100) (i32.const 1) (i32.const 70120))))
  ;; Finds the source: the str that ends the request.
  (func $find (param $end i32)
    (local $n i32)
    (block $done
      (loop $scan
        (if (i32.and (i32.lt_u (local.get $n) (i32.const 32))
              (i32.eq (i32.load8_u (i32.sub (i32.sub (local.get $end) (local.get $n)) (i32.const 1)))
                      (i32.add (i32.const 0xa0) (local.get $n))))
          (then (br $done)))
        (if (i32.and
              (i32.eq (i32.load8_u (i32.sub (i32.sub (local.get $end) (local.get $n)) (i32.const 2)))
                      (i32.const 0xd9))
              (i32.eq (i32.load8_u (i32.sub (i32.sub (local.get $end) (local.get $n)) (i32.const 1)))
                      (local.get $n)))
          (then (br $done)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br_if $scan (i32.lt_u (local.get $n) (i32.const 256)))
        unreachable))
    (global.set $src (i32.sub (local.get $end) (local.get $n)))
    (global.set $srclen (local.get $n)))
  (func $nibble (param $c i32) (result i32)
    (if (result i32) (i32.ge_u (local.get $c) (i32.const 0x61))
      (then (i32.sub (local.get $c) (i32.const 0x57)))
      (else (i32.sub (local.get $c) (i32.const 0x30)))))
  ;; Decodes the hex after the command into 71000; returns the byte count.
  (func $unhex (result i32)
    (local $i i32) (local $n i32)
    (local.set $n (i32.shr_u (i32.sub (global.get $srclen) (i32.const 1)) (i32.const 1)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store8 (i32.add (i32.const 71000) (local.get $i))
          (i32.or
            (i32.shl (call $nibble (i32.load8_u (i32.add (global.get $src)
              (i32.add (i32.const 1) (i32.shl (local.get $i) (i32.const 1)))))) (i32.const 4))
            (call $nibble (i32.load8_u (i32.add (global.get $src)
              (i32.add (i32.const 2) (i32.shl (local.get $i) (i32.const 1))))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $n))
  ;; Calls the service $times times; the envelope wraps the last reply.
  (func $serve (param $at i32) (param $n i32) (param $times i32) (result i32)
    (local $got i32)
    (loop $again
      (local.set $got (call $service_call (local.get $at) (local.get $n)))
      (local.set $times (i32.sub (local.get $times) (i32.const 1)))
      (br_if $again (i32.gt_s (local.get $times) (i32.const 0))))
    (i32.store8 (i32.const 79998) (i32.const 0x92))
    (i32.store8 (i32.const 79999) (i32.const 0x00))
    (global.set $resp (i32.const 79998))
    (if (result i32) (i32.lt_s (local.get $got) (i32.const 0))
      (then (i32.store8 (i32.const 80000) (i32.const 0xff)) (i32.const 3))
      (else (i32.add (local.get $got) (i32.const 2)))))
  (func (export "kobako_invoke") (param $len i32) (result i32)
    (local $cmd i32) (local $value i32)
    (global.set $resp (i32.const 70000))
    (call $find (i32.add (i32.const 1024) (local.get $len)))
    (local.set $value (i32.eq (global.get $sp) (i32.const 512)))
    (global.set $sp (i32.sub (global.get $sp) (i32.const 16)))
    (i32.store8 (i32.const 70200) (i32.add (i32.load8_u (i32.const 70200)) (i32.const 1)))
    (local.set $cmd (i32.load8_u (global.get $src)))
    (if (i32.eq (local.get $cmd) (i32.const 0x63))
      (then (return (call $serve (i32.const 71000) (call $unhex) (i32.const 1)))))
    (if (i32.eq (local.get $cmd) (i32.const 0x6d))
      (then (return (call $serve (i32.const 71000) (call $unhex) (i32.const 1000)))))
    (if (i32.eq (local.get $cmd) (i32.const 0x6c))
      (then (return (call $serve (i32.const 0) (i32.const 17825792) (i32.const 1)))))
    (if (i32.eq (local.get $cmd) (i32.const 0x74)) (then unreachable))
    (if (i32.eq (local.get $cmd) (i32.const 0x68)) (then (loop $spin (br $spin))))
    (if (i32.eq (local.get $cmd) (i32.const 0x47))
      (then (drop (memory.grow (i32.const 1))) (i32.store8 (i32.const 140000) (i32.const 7))
            (i32.store8 (i32.const 70308) (i32.const 1)) unreachable))
    (if (i32.eq (local.get $cmd) (i32.const 0x4c))
      (then (drop (memory.grow (i32.const 272))) (return (i32.const 17825792))))
    (if (i32.eq (local.get $cmd) (i32.const 0x71))
      (then (local.set $value (i32.div_u (i32.load (i32.const 70304)) (i32.const 100)))))
    (if (i32.eq (local.get $cmd) (i32.const 0x65)) (then (call $proc_exit (i32.const 3))))
    (if (i32.and (i32.ne (local.get $cmd) (i32.const 0x73)) (i32.ne (local.get $cmd) (i32.const 0x71)))
      (then (local.set $value (i32.load8_u (i32.const 70200)))))
    (if (i32.eq (local.get $cmd) (i32.const 0x67))
      (then (drop (memory.grow (i32.const 1))) (i32.store8 (i32.const 140000) (i32.const 7))))
    (if (i32.eq (local.get $cmd) (i32.const 0x72))
      (then (local.set $value
        (if (result i32) (i32.gt_u (memory.size) (i32.const 2))
          (then (i32.load8_u (i32.const 140000))) (else (i32.const 99))))))
    (if (i32.eq (local.get $cmd) (i32.const 0x6f)) (then (call $write (i32.const 1))))
    (if (i32.eq (local.get $cmd) (i32.const 0x77)) (then (call $write (i32.const 2))))
    (i32.store8 (i32.const 70000) (i32.const 0x92))
    (i32.store8 (i32.const 70001) (i32.const 0x00))
    (i32.store8 (i32.const 70002) (i32.and (local.get $value) (i32.const 0xff)))
    (if (i32.eq (local.get $cmd) (i32.const 0x78)) (then (i32.store8 (i32.const 70001) (i32.const 0xc1))))
    (i32.const 3)))
`;

/**
 * The fake guest's bytes; `abiVersion` lets a test present a guest of another ABI, `booted` one
 * booted at build time (guest/preinit.mjs): no `_initialize`, no `kobako_boot`.
 */
export async function fakeGuestBytes(
  abiVersion = 2,
  { booted = false } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const wabt = await wabtInit();
  let source = wat.replace("VERSION", String(abiVersion));
  if (booted) source = source.replace(/ {2}\(func \(export "(_initialize|kobako_boot)"\).*\n/g, "");
  const module = wabt.parseWat("fake-guest.wat", source);
  try {
    return new Uint8Array(module.toBinary({}).buffer) as Uint8Array<ArrayBuffer>;
  } finally {
    module.destroy();
  }
}

/** Compiles the fake guest (options as {@link fakeGuestBytes}). */
export async function fakeGuest(
  abiVersion = 2,
  options: { booted?: boolean } = {},
): Promise<WebAssembly.Module> {
  return WebAssembly.compile(await fakeGuestBytes(abiVersion, options));
}
