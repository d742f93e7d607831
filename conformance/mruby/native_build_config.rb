# Native mruby for the comparison of mruby's own tests: the guest's mruby gems and C defines (read
# from guest/build_config.rb by scripts/native-mruby.sh, passed in the environment), plus the
# bin/mruby command, built with gcc for this machine. Unpatched sources: the baseline upstream gives.
MRuby::Build.new do |conf|
  conf.toolchain :gcc
  conf.cc.defines += ENV.fetch('KOBAKO_NATIVE_DEFINES', '').split
  ENV.fetch('KOBAKO_NATIVE_GEMS').split.each { |g| conf.gem core: g }
  conf.gem core: 'mruby-bin-mruby'
  # `print` for the test driver: the guest has its own; natively it is a gem (mruby-io from 3.2).
  conf.gem core: File.exist?("#{MRUBY_ROOT}/mrbgems/mruby-print") ? 'mruby-print' : 'mruby-io'
end
