# Symbol methods that read the name, as CRuby has them: [], start_with?, end_with?, succ,
# swapcase, encoding. Each answers what the same call on the name answers.
class Symbol
  def [](*args)
    to_s[*args]
  end
  alias slice []

  def start_with?(*prefixes)
    to_s.start_with?(*prefixes)
  end

  def end_with?(*suffixes)
    to_s.end_with?(*suffixes)
  end

  def succ
    to_s.succ.to_sym
  end
  alias next succ

  unless method_defined?(:swapcase)
    def swapcase
      to_s.swapcase.to_sym
    end
  end

  def encoding
    to_s.ascii_only? ? Encoding::US_ASCII : Encoding::UTF_8
  end
end

class String
  # The simple checksum: the sum of the bytes modulo 2**bits.
  def sum(bits = 16)
    total = 0
    each_byte { |b| total += b }
    bits > 0 ? total & ((1 << bits) - 1) : total
  end
end
