# Small gaps with one-line answers: Hash#to_h with a block, Enumerator::Lazy#filter_map and
# #eager, rand/Random#rand of a Range, Integer/Float#step with by:/to:.
class Hash
  def to_h(&block)
    return (instance_of?(Hash) ? self : Hash[self]) unless block
    h = {}
    each do |k, v|
      pair = block.call(k, v)
      raise TypeError, "wrong element type #{pair.class} (expected array)" unless pair.is_a?(Array)
      raise ArgumentError, "element has wrong array length (expected 2, was #{pair.size})" if pair.size != 2
      h[pair[0]] = pair[1]
    end
    h
  end
end

class Enumerator
  class Lazy
    def filter_map(&block)
      Lazy.new(self) do |yielder, val|
        v = block.call(val)
        yielder << v if v
      end
    end

    def eager
      lazy = self
      Enumerator.new { |y| lazy.each { |v| y << v } }
    end
  end
end

module Kobako
  # A value of range drawn with rand_float (a Float in [0, 1)) and rand_int (an Integer in [0, n)).
  def self.__rand_range(range, rand_int, rand_float)
    lo = range.begin
    hi = range.end
    raise ArgumentError, "invalid argument - #{range.inspect}" if lo.nil? || hi.nil?
    if lo.is_a?(Integer) && hi.is_a?(Integer)
      span = hi - lo + (range.exclude_end? ? 0 : 1)
      return nil if span <= 0
      lo + rand_int.call(span)
    else
      return nil if hi < lo
      lo + rand_float.call * (hi - lo)
    end
  end
end

module Kernel
  alias __kobako_rand rand

  def rand(max = 0)
    return __kobako_rand(max) unless max.is_a?(Range)
    Kobako.__rand_range(max, ->(n) { __kobako_rand(n) }, -> { __kobako_rand })
  end
end

class Random
  alias __kobako_rand rand

  def rand(max = nil)
    return (max.nil? ? __kobako_rand : __kobako_rand(max)) unless max.is_a?(Range)
    Kobako.__rand_range(max, ->(n) { __kobako_rand(n) }, -> { __kobako_rand })
  end
end

[Integer, Float].each do |klass|
  klass.class_eval do
    alias_method :__kobako_step, :step

    def step(limit = nil, step = nil, by: nil, to: nil, &block)
      raise ArgumentError, "step is given twice" if step && by
      raise ArgumentError, "to is given twice" if limit && to
      __kobako_step(limit || to, step || by || 1, &block)
    end
  end
end

module Kernel
  alias __kobako_clone clone

  # clone(freeze: false) gives an unfrozen copy; clone(freeze: true) a frozen one.
  def clone(freeze: nil)
    unless [nil, true, false].include?(freeze)
      raise ArgumentError, "unexpected value for freeze: #{freeze.inspect}"
    end
    copy = freeze == false && frozen? ? dup : __kobako_clone
    freeze ? copy.freeze : copy
  end
end

# The program name: a String as in CRuby (a script here has no file; "main" as mruby's top self).
$0 = "main"
$PROGRAM_NAME = $0
