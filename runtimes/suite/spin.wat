;; A stand-in for kobako.wasm that speaks ABI 2 and never checks a deadline, like a long call into
;; C: an eval whose source ends in "h" spins for 2^31 rounds of an empty loop (seconds; only the
;; host's hard backstop, terminating the worker, ends it sooner), "H" spins forever; any other
;; invocation (the worker's warm-up at boot among them) returns nil. runtimes/run.mjs assembles
;; it to spin.wasm beside the suite.
(module
  (memory (export "memory") 2)
  (global $sp (export "__stack_pointer") (mut i32) (i32.const 512))
  (func (export "_initialize"))
  (func (export "kobako_abi_version") (result i32) (i32.const 2))
  (func (export "kobako_boot") (result i32) (i32.const 0))
  (func (export "kobako_limits") (param i32 i32))
  (func (export "kobako_seed") (param i32))
  (func (export "kobako_memory_peak") (result i32) (i32.const 0))
  (func (export "kobako_heap_break") (result i32) (i32.mul (memory.size) (i32.const 65536)))
  (func (export "kobako_buffer") (param i32) (result i32) (i32.const 1024))
  (func (export "kobako_reply_buffer") (param i32) (result i32) (i32.const 0))
  (func (export "kobako_response") (result i32) (i32.const 70000))
  (func (export "kobako_invoke") (param $len i32) (result i32)
    (local $last i32) (local $n i32)
    ;; The eval action's source is the str that ends the request (docs/ABI.md).
    (local.set $last (i32.load8_u (i32.add (i32.const 1023) (local.get $len))))
    (if (i32.eq (local.get $last) (i32.const 0x48))
      (then (loop $forever (br $forever))))
    (if (i32.eq (local.get $last) (i32.const 0x68))
      (then
        (local.set $n (i32.const 0x7fffffff))
        (loop $spin (br_if $spin (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))))
    ;; [0, nil]
    (i32.store8 (i32.const 70000) (i32.const 0x92))
    (i32.store8 (i32.const 70001) (i32.const 0x00))
    (i32.store8 (i32.const 70002) (i32.const 0xc0))
    (i32.const 3)))
