# Rational rounding as CRuby has it: floor, ceil, truncate and round (half: :up, :even, :down),
# to an Integer without digits and to a Rational with positive digits.
class Rational
  def floor(digits = 0)
    __kobako_round_with(digits) { |n, d| n / d }
  end

  def ceil(digits = 0)
    __kobako_round_with(digits) { |n, d| -(-n / d) }
  end

  def truncate(digits = 0)
    __kobako_round_with(digits) { |n, d| n < 0 ? -(-n / d) : n / d }
  end

  def round(digits = 0, half: :up)
    unless [nil, :up, :even, :down].include?(half)
      raise ArgumentError, "invalid rounding mode: #{half}"
    end
    __kobako_round_with(digits) do |n, d|
      q, r = (n.abs).divmod(d)
      twice = r * 2
      q += 1 if twice > d || (twice == d && (half == :up || half.nil? || (half == :even && q.odd?)))
      n < 0 ? -q : q
    end
  end

  def __kobako_round_with(digits)
    raise TypeError, "not an integer" unless digits.is_a?(Integer)
    return yield(numerator, denominator) if digits == 0
    scale = 10**digits.abs
    if digits > 0
      x = self * scale
      Rational(yield(x.numerator, x.denominator), scale)
    else
      x = self / scale
      yield(x.numerator, x.denominator) * scale
    end
  end
end

class Integer
  # Integer#quo as CRuby: an exact (normalised) Rational for an Integer divisor.
  def quo(other)
    return Rational(self, other) if other.is_a?(Integer)
    return to_r / other if other.is_a?(Rational)
    to_f / other
  end
end

class Numeric
  def real?
    true
  end
end

class Complex
  def real?
    false
  end
end

module Kernel
  alias __kobako_Rational Rational

  # Rational also reads strings, as CRuby: "0.75", "-3/4", "1.5/2", "2e3".
  def Rational(a, b = nil, exception: true)
    a = Kobako.__parse_rational(a) if a.is_a?(String)
    b = Kobako.__parse_rational(b) if b.is_a?(String)
    return a.is_a?(Rational) ? a : __kobako_Rational(a) if b.nil?
    return __kobako_Rational(a, b) if a.is_a?(Integer) && b.is_a?(Integer)
    (a.is_a?(Rational) ? a : __kobako_Rational(a)) / (b.is_a?(Rational) ? b : __kobako_Rational(b))
  rescue ArgumentError, TypeError, ZeroDivisionError => e
    raise e if exception
    nil
  end
end

module Kobako
  def self.__parse_rational(str)
    m = /\A\s*([-+]?)(\d[\d_]*)(?:\.(\d+))?(?:[eE]([-+]?\d+))?(?:\/(\d+))?\s*\z/.match(str)
    raise ArgumentError, "invalid value for convert(): #{str.inspect}" unless m
    sign, int, frac, exp, den = m[1], m[2].delete("_"), m[3], m[4], m[5]
    num = (int + (frac || "")).to_i
    scale = 10**(frac ? frac.size : 0)
    r = __kobako_Rational(num, scale)
    if exp
      e = exp.to_i
      r = e >= 0 ? r * 10**e : r / 10**-e
    end
    r /= den.to_i if den
    sign == "-" ? -r : r
  end
end
