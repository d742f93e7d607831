# Native mruby of the guest's version, for the comparison of mruby's own tests: the guest's patched
# sources (scripts/native-mruby.sh applies guest/patches/mruby), its mruby gems and C defines (read
# from guest/build_config.rb, passed in the environment) and its runtime gem (guest/runtime: the
# Ruby prelude and the C methods, Regexp on Oniguruma built from the guest's source), plus the
# bin/mruby command, built with gcc for this machine. Only what needs a wasm host stays out: the
# runtime's sbrk and its service_call import compile to nothing and to a stub natively.
MRuby::Build.new do |conf|
  conf.toolchain :gcc
  conf.cc.defines += ENV.fetch('KOBAKO_NATIVE_DEFINES', '').split
  # On wasm32 mruby keeps a method's flags in a struct beside the pointer (MRB_32BIT implies it);
  # 64-bit builds tag the pointer instead, which leaves no room for the visibility bits of guest
  # patch 31 (private/protected would be ignored). The guest's representation, natively too.
  conf.cc.defines << 'MRB_USE_METHOD_T_STRUCT'
  # The runtime's exports carry wasm attributes that gcc ignores.
  conf.cc.flags << '-Wno-attributes'
  conf.cc.include_paths << ENV.fetch('KOBAKO_ONIG_INCLUDE')
  conf.linker.flags_after_libraries << ENV.fetch('KOBAKO_ONIG_LIB')
  # In the guest's order: the runtime gem comes last (guest/runtime/src/seed.c relies on it).
  ENV.fetch('KOBAKO_NATIVE_GEMS').split.each { |g| conf.gem core: g }
  conf.gem ENV.fetch('KOBAKO_RUNTIME_GEM')
  # No mruby-print: the runtime's output.rb gives print/puts/p, as in the guest.
  conf.gem core: 'mruby-bin-mruby'
end
