# mruby 3.1 starts a Random made without a seed from fixed constants, so `Random.new.rand` would
# give the same numbers in every invocation. Draw its seed from Random::DEFAULT instead, which the
# host seeds for each invocation (src/seed.c).
class Random
  alias __kobako_initialize initialize

  def initialize(*args)
    args = [Random::DEFAULT.rand(0x100000000)] if args.empty?
    __kobako_initialize(*args)
  end
end
