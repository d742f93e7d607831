# Integer#round/floor/ceil/truncate with negative digits (mruby 3.3 answers 1234.round(-2) with
# 34) and round's `half:` (:up, :even, :down), in exact integer arithmetic as CRuby. Also
# Integer#infinite? (nil, as CRuby) and Integer ** negative Integer (a Rational).
class Integer
  def round(digits = 0, half: :up)
    unless [nil, :up, :even, :down].include?(half)
      raise ArgumentError, "invalid rounding mode: #{half}"
    end
    return self if digits >= 0
    return 0 if __kobako_round_zero?(digits)
    m = 10**-digits
    q, r = abs.divmod(m)
    twice = r * 2
    q += 1 if twice > m || (twice == m && (half == :even ? q.odd? : half != :down))
    (self < 0 ? -q : q) * m
  end

  def floor(digits = 0)
    return self if digits >= 0
    return 0 if __kobako_round_zero?(digits)
    m = 10**-digits
    self - self % m
  end

  def ceil(digits = 0)
    return self if digits >= 0
    return 0 if __kobako_round_zero?(digits)
    -((-self).floor(digits))
  end

  def truncate(digits = 0)
    return self if digits >= 0
    self < 0 ? ceil(digits) : floor(digits)
  end

  # CRuby answers 0 without rounding once 10**-digits dwarfs the number's storage (8 bytes for
  # a fixnum, the bignum's size otherwise): -1.floor(-20) is 0 there, not -10**20.
  def __kobako_round_zero?(digits)
    bytes = self >= -(2**62) && self < 2**62 ? 8 : (abs.bit_length + 7) / 8
    -0.415241 * digits - 0.125 > bytes
  end

  def infinite?
    nil
  end

  alias __kobako_pow **

  def **(other)
    if other.is_a?(Integer) && other < 0
      return 1 if self == 1
      return other.even? ? 1 : -1 if self == -1
      raise ZeroDivisionError, "divided by 0" if self == 0
      return Rational(1, __kobako_pow(-other))
    end
    __kobako_pow(other)
  end
end
