# mruby build configuration for the kobako guest (mruby 3.3.0, Debian source package).
# Used by guest/build.sh as MRUBY_CONFIG; GUEST_DIR and CLANG come from the environment.

guest_dir = ENV.fetch('KOBAKO_GUEST_DIR')
clang = ENV.fetch('KOBAKO_CLANG', 'clang-19')

# Native build: only what is needed to compile the Ruby parts of the gems (mrbc).
MRuby::Build.new do |conf|
  conf.toolchain :gcc
  conf.gem core: 'mruby-bin-mrbc'
end

MRuby::CrossBuild.new('wasm') do |conf|
  conf.toolchain :clang

  # -Os, not -O2: V8 compiles mruby's one big VM function (`mrb_vm_exec`) into faster code when
  # clang inlines and unrolls less into it. Interleaved against -O2 the XOR loop and fib(25) run
  # 15 % faster on Node 20, 5-7 % on Node 24, and the binary is 77 KB smaller
  # (docs/BENCHMARKS.md, "What the guest pays over native").
  wasm_flags = %W[
    --target=wasm32-wasi --sysroot=/usr
    -Os -fno-ident
    -mllvm -wasm-enable-sjlj -mexception-handling
    -I#{guest_dir}/include -I#{ENV.fetch('KOBAKO_ONIG_INCLUDE')}
  ] + ENV.fetch('KOBAKO_PREFIX_MAP', '').split
  [conf.cc, conf.asm].each do |cc|
    cc.command = clang
    cc.flags = [%w[-std=gnu99 -Wall -Wundef -Wno-unused-function], wasm_flags]
  end
  # Exact integers: 64-bit values unboxed (16-byte mrb_value; word boxing would put integers
  # past 2^30 on the heap) and big integers past them (mruby-bigint). mruby 4.0 requires the same
  # for 64-bit integers on 32-bit targets. Strings may reach 2 GiB (0 = unlimited lets
  # `"abc" * 2**40` wrap a 32-bit size); arrays are bounded by the memory cap, not by a count.
  # Recursion about as deep as CRuby's (8 191 calls; CRuby ~10 000, mruby's default ~1 000): Ruby
  # calling Ruby costs heap, which the memory cap bounds, and C recursion is checked against the
  # C stack (patch 70).
  conf.cc.defines += %w[
    MRB_INT64 MRB_NO_BOXING MRB_UTF8_STRING
    MRB_STR_LENGTH_MAX=2147483647 MRB_ARY_LENGTH_MAX=0
    MRB_CALL_LEVEL_MAX=4096
  ]
  conf.linker.command = clang
  conf.archiver.command = 'llvm-ar-19'

  # Curated standard library: core and extensions, no file, IO, socket, process, sleep or exit.
  %w[
    mruby-error mruby-bigint mruby-set
    mruby-array-ext mruby-hash-ext mruby-string-ext mruby-symbol-ext mruby-numeric-ext
    mruby-range-ext mruby-proc-ext mruby-object-ext mruby-kernel-ext mruby-class-ext
    mruby-compar-ext mruby-enum-ext mruby-enum-lazy mruby-enum-chain mruby-enumerator
    mruby-toplevel-ext mruby-fiber mruby-struct mruby-catch mruby-method mruby-metaprog
    mruby-eval mruby-binding mruby-proc-binding
    mruby-math mruby-rational mruby-complex mruby-random mruby-time mruby-sprintf mruby-pack
  ].each { |g| conf.gem core: g }
  # The parser and code generator for size (-Oz): about 5 % of the binary less, and a script's
  # compile time is small beside its run.
  conf.gem(core: 'mruby-compiler') { |g| g.cc.flags << '-Oz' }
  conf.gem "#{guest_dir}/runtime"
end
