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
