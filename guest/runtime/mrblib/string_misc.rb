# Smaller String, Float and Enumerator gaps with CRuby 3.4: String.new's keywords, grapheme
# clusters (Oniguruma's \X), Float#rationalize, and Enumerator#size for the
# enumerators whose size is not their receiver's (each_slice, each_cons, loop), and a binary
# String from Array#pack.
class String
  alias __kobako_plain_initialize initialize

  # String.new(str = "", encoding: nil, capacity: nil): capacity is only a hint.
  def initialize(*args, encoding: nil, capacity: nil)
    __kobako_plain_initialize(*args)
    force_encoding(encoding) if encoding
    self
  end

  def grapheme_clusters
    scan(/\X/)
  end

  def each_grapheme_cluster(&block)
    return to_enum(:each_grapheme_cluster) unless block
    grapheme_clusters.each(&block)
    self
  end
end

class Float
  # The simplest Rational within eps of self; without eps, the simplest that reads back as self.
  def rationalize(eps = nil)
    raise FloatDomainError, to_s unless finite?
    return Rational(0, 1) if zero?
    if eps.nil?
      x = to_r
      return x if x.denominator == 1
      lo = (prev_float.to_r + x) / 2
      hi = (next_float.to_r + x) / 2
    else
      e = eps.abs.to_r
      lo = to_r - e
      hi = to_r + e
    end
    return Rational(0, 1) if lo <= 0 && hi >= 0
    neg = hi < 0
    lo, hi = -hi, -lo if neg
    r = Kobako.__simplest_rational(lo, hi)
    neg ? -r : r
  end
end

module Kobako
  # The rational with the smallest denominator in [lo, hi] (0 < lo <= hi), by continued fractions.
  def self.__simplest_rational(lo, hi)
    c = lo.ceil
    return Rational(c, 1) if c <= hi
    k = c - 1
    k + 1 / __simplest_rational(1 / (hi - k), 1 / (lo - k))
  end
end

class Enumerator
  alias __kobako_plain_size size

  def size
    case @meth
    when :loop then Float::INFINITY
    when :each_grapheme_cluster then @obj.grapheme_clusters.size
    when :each_slice, :each_cons
      n = @obj.respond_to?(:size) ? @obj.size : nil
      return nil unless n.is_a?(Integer) && @args[0].is_a?(Integer)
      k = @args[0]
      @meth == :each_slice ? (n + k - 1) / k : [n - k + 1, 0].max
    else __kobako_plain_size
    end
  end
end

