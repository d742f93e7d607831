# Complex as CRuby builds it: from strings ("1+2i", "2i", "1/2-3.5i"), and Complex.polar with
# CRuby's exact answers for the angles 0, ±π/2 and π. (Integer parts: patch 45.)
class Complex
  def self.polar(abs, arg = 0)
    return Complex(abs, 0.0) if arg == 0
    if arg.is_a?(Float)
      return Complex(-abs, 0.0) if arg == Math::PI
      return Complex(0.0, abs) if arg == Math::PI / 2
      return Complex(0.0, -abs) if arg == -Math::PI / 2
    end
    Complex(abs * Math.cos(arg), abs * Math.sin(arg))
  end

  # mruby's divides the parts, which are now Integers where CRuby's are (11 / 3 would be 3).
  def fdiv(numeric)
    Complex(real.to_f / numeric, imaginary.to_f / numeric)
  end
end

module Kernel
  alias __kobako_Complex Complex

  def Complex(a, b = nil, exception: true)
    a = Kobako.__parse_complex(a) if a.is_a?(String)
    b = Kobako.__parse_complex(b) if b.is_a?(String)
    return (a.is_a?(Complex) ? a : __kobako_Complex(a)) if b.nil?
    return __kobako_Complex(a, b) unless a.is_a?(Complex) || b.is_a?(Complex)
    a + b * __kobako_Complex(0, 1)
  rescue ArgumentError, TypeError => e
    raise e if exception
    nil
  end
end

module Kobako
  COMPLEX_NUM = '(?:\d[\d_]*(?:\.\d+)?(?:[eE][-+]?\d+)?(?:/\d+)?)'

  def self.__parse_complex(str)
    s = str.strip
    if (m = /\A([-+]?#{COMPLEX_NUM})?([-+])(#{COMPLEX_NUM})?\*?i\z/.match(s))
      re = m[1] ? __parse_real(m[1]) : 0
      im = m[3] ? __parse_real(m[3]) : 1
      return __kobako_Complex(re, m[2] == "-" ? -im : im)
    elsif (m = /\A(#{COMPLEX_NUM})\*?i\z/.match(s))
      return __kobako_Complex(0, __parse_real(m[1]))
    elsif (m = /\A([-+]?#{COMPLEX_NUM})\z/.match(s))
      return __kobako_Complex(__parse_real(m[1]), 0)
    end
    raise ArgumentError, "invalid value for convert(): #{str.inspect}"
  end

  def self.__parse_real(s)
    return Rational(s) if s.include?("/")
    s.match?(/[.eE]/) ? s.to_f : s.delete("_").to_i
  end
end
