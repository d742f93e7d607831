# Integer and Numeric methods that mruby (3.1 and 3.3) lacks and everyday Ruby uses: parity,
# digits, modular power, gcd/lcm, bit length, integer square root, and a few predicates.
# Each is defined only where mruby has none, so a built-in C version always wins.
class Integer
  unless method_defined?(:even?)
    def even?
      self % 2 == 0
    end

    def odd?
      self % 2 != 0
    end
  end

  unless method_defined?(:pred)
    def pred
      self - 1
    end
  end

  def digits(base = 10)
    raise TypeError, "wrong argument type #{base.class} (expected Integer)" unless base.is_a?(Integer)
    raise ArgumentError, "negative radix" if base < 0
    raise ArgumentError, "invalid radix #{base}" if base < 2
    raise Math::DomainError, "out of domain" if self < 0
    return [0] if self == 0
    n = self
    out = []
    while n > 0
      out << n % base
      n /= base
    end
    out
  end

  def pow(exp, mod = nil)
    return self**exp if mod.nil?
    unless exp.is_a?(Integer) && mod.is_a?(Integer)
      raise TypeError, "Integer#pow() 2nd argument not allowed unless all arguments are integers"
    end
    raise RangeError, "Integer#pow() 1st argument cannot be negative when 2nd argument specified" if exp < 0
    raise ZeroDivisionError, "divided by 0" if mod == 0
    result = 1 % mod
    base = self % mod
    while exp > 0
      result = (result * base) % mod if exp.odd?
      base = (base * base) % mod
      exp >>= 1
    end
    result
  end

  def bit_length
    n = self < 0 ? ~self : self
    bits = 0
    while n > 0
      n >>= 1
      bits += 1
    end
    bits
  end

  def gcd(other)
    raise TypeError, "not an integer" unless other.is_a?(Integer)
    a = abs
    b = other.abs
    a, b = b, a % b while b != 0
    a
  end

  def lcm(other)
    raise TypeError, "not an integer" unless other.is_a?(Integer)
    return 0 if self == 0 || other == 0
    (self / gcd(other) * other).abs
  end

  def gcdlcm(other)
    [gcd(other), lcm(other)]
  end

  unless method_defined?(:[])
    def [](i)
      return 0 if i < 0 && self >= 0 # bits below 0 are 0
      (self >> i) & 1
    end
  end

  def integer?
    true
  end

  def fdiv(other)
    # CRuby's TypeError for a non-number (nil.to_f would make 1.fdiv(nil) Infinity)
    raise TypeError, "#{Kobako.__shown(other)} can't be coerced into Integer" unless other.is_a?(Numeric)
    to_f / other.to_f
  end

  def self.sqrt(n)
    n = Integer(n)
    raise Math::DomainError, 'Numerical argument is out of domain - "isqrt"' if n < 0
    return n if n < 2
    x = n
    y = (x + 1) / 2
    while y < x
      x = y
      y = (x + n / x) / 2
    end
    x
  end
end

class Numeric
  def integer?
    false
  end

  unless method_defined?(:coerce)
    def coerce(other)
      return [other, self] if other.instance_of?(self.class)
      [Float(other), Float(self)]
    end
  end
end

module Kernel
  alias __kobako_Integer Integer
  alias __kobako_Float Float

  # Integer()/Float() with CRuby's `exception:` keyword and messages.
  def Integer(arg, base = nil, exception: true)
    base.nil? ? __kobako_Integer(arg) : __kobako_Integer(arg, base)
  rescue ArgumentError, TypeError => e
    return nil unless exception
    raise ArgumentError, "invalid value for Integer(): #{arg.inspect}" if arg.is_a?(String)
    raise TypeError, "can't convert nil into Integer" if arg.nil?
    raise e
  end

  def Float(arg, exception: true)
    __kobako_Float(arg)
  rescue ArgumentError, TypeError => e
    return nil unless exception
    raise ArgumentError, "invalid value for Float(): #{arg.inspect}" if arg.is_a?(String)
    raise TypeError, "can't convert nil into Float" if arg.nil?
    raise e
  end
end
