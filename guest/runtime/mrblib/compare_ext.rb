# Comparisons as CRuby makes them: Comparable#clamp with any Range (15.clamp(..10) is 10),
# min/max/min_by/max_by with a count, and min_by/max_by comparing keys with <=> (mruby's use >,
# which Arrays lack).
module Comparable
  def clamp(min, max = nil)
    if max.nil?
      raise TypeError, "wrong argument type #{min.class} (expected Range)" unless min.is_a?(Range)
      range = min
      if range.exclude_end? && !range.end.nil?
        raise ArgumentError, "cannot clamp with an exclusive range"
      end
      min = range.begin
      max = range.end
    end
    if !min.nil? && !max.nil? && Kobako.__compare(min, max) > 0
      raise ArgumentError, "min argument must be less than or equal to max argument"
    end
    return min if !min.nil? && Kobako.__compare(self, min) < 0
    return max if !max.nil? && Kobako.__compare(self, max) > 0
    self
  end
end

module Kobako
  # How CRuby names the other operand of a failed comparison or coercion: inspected when it is
  # one of CRuby's special constants (nil, true, false, a Symbol, an Integer, a Float), by its
  # class otherwise. The guest's C code has the same rule (patch 74's kobako_coerce_failed).
  def self.__shown(v)
    v.nil? || v == true || v == false || v.is_a?(Symbol) || v.is_a?(Integer) || v.is_a?(Float) ? v.inspect : v.class
  end

  # a <=> b, or CRuby's ArgumentError when they do not compare (Comparable's operators and
  # Enumerable#max/min call it too: patch 74).
  def self.__compare(a, b)
    c = a <=> b
    raise ArgumentError, "comparison of #{a.class} with #{__shown(b)} failed" if c.nil?
    c
  end

  def self.__extreme_by(enum, n, sign, block)
    if n
      sorted = enum.sort_by(&block)
      return (sign > 0 ? sorted.reverse : sorted).first(n)
    end
    best = nil
    best_key = nil
    first = true
    enum.each do |*vals|
      v = vals.size > 1 ? vals : vals.first
      k = block.call(v)
      if first || __compare(k, best_key) * sign > 0
        best = v
        best_key = k
        first = false
      end
    end
    best
  end
end

module Enumerable
  alias __kobako_max max
  alias __kobako_min min

  def max(n = nil, &block)
    return __kobako_max(&block) if n.nil?
    (block ? sort(&block) : sort).reverse.first(n)
  end

  def min(n = nil, &block)
    return __kobako_min(&block) if n.nil?
    (block ? sort(&block) : sort).first(n)
  end

  def max_by(n = nil, &block)
    return to_enum(:max_by, *[n].compact) unless block
    Kobako.__extreme_by(self, n, 1, block)
  end

  def min_by(n = nil, &block)
    return to_enum(:min_by, *[n].compact) unless block
    Kobako.__extreme_by(self, n, -1, block)
  end
end

class Range
  alias __kobako_range_max max
  alias __kobako_range_min min

  def max(n = nil, &block)
    n.nil? ? __kobako_range_max(&block) : to_a.max(n, &block)
  end

  def min(n = nil, &block)
    n.nil? ? __kobako_range_min(&block) : to_a.min(n, &block)
  end
end
