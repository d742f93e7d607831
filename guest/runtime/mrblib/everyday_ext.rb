# Everyday gaps found by the differential suite (conformance/snippets/collections.rb, text.rb,
# encodings.rb): Hash#transform_keys with a mapping, dig's TypeError, Array#transpose's message,
# Set#^ in CRuby's order, Lazy#with_index, String#[]= with a Regexp, String#scrub,
# Range#include? of strings by iteration, "0b…".oct, and String#succ carrying past punctuation.
class Hash
  alias __kobako_transform_keys transform_keys
  alias __kobako_transform_keys! transform_keys!

  def transform_keys(mapping = nil, &block)
    return __kobako_transform_keys(&block) if mapping.nil?
    h = {}
    each { |k, v| h[mapping.key?(k) ? mapping[k] : (block ? block.call(k) : k)] = v }
    h
  end

  def transform_keys!(mapping = nil, &block)
    return __kobako_transform_keys!(&block) if mapping.nil?
    replace(transform_keys(mapping, &block))
  end
end

module Kobako
  # dig's next step: CRuby raises TypeError when an intermediate value cannot dig.
  def self.__dig(value, rest)
    return value if rest.empty? || value.nil?
    raise TypeError, "#{value.class} does not have #dig method" unless value.respond_to?(:dig)
    value.dig(*rest)
  end
end

class Hash
  def dig(key, *rest)
    Kobako.__dig(self[key], rest)
  end
end

class Array
  def dig(index, *rest)
    Kobako.__dig(self[index], rest)
  end

  alias __kobako_transpose transpose

  def transpose
    __kobako_transpose
  rescue IndexError
    n = self[0].size
    bad = find { |row| row.size != n }
    raise IndexError, "element size differs (#{bad.size} should be #{n})"
  end
end

class Struct
  def dig(key, *rest)
    Kobako.__dig(self[key], rest)
  end
end

if Object.const_defined?(:Set)
  class Set
    def ^(enum)
      n = Set.new(enum)
      each { |o| n.add(o) unless n.delete?(o) }
      n
    end
  end
end

class Enumerator
  class Lazy
    def with_index(offset = 0, &block)
      src = self
      indexed = Enumerator.new do |y|
        i = offset
        src.each do |x|
          y << [x, i]
          i += 1
        end
      end
      Lazy.new(indexed) do |yielder, pair|
        if block
          block.call(pair[0], pair[1])
          yielder << pair[0]
        else
          yielder << pair
        end
      end
    end

    def each_with_index(&block)
      with_index(0, &block)
    end
  end
end

class String
  alias __kobako_aset []=

  def []=(index, *rest)
    return __kobako_aset(index, *rest) unless index.is_a?(Regexp)
    raise ArgumentError, "wrong number of arguments (given #{rest.size + 1}, expected 2..3)" if rest.empty? || rest.size > 2
    value = rest.last
    group = rest.size == 2 ? rest[0] : 0
    m = index.match(self)
    raise IndexError, "regexp not matched" unless m
    from = m.begin(group)
    raise IndexError, "regexp group #{group} not matched" if from.nil?
    __kobako_aset(from, m.end(group) - from, value)
    value
  end

  alias __kobako_succ succ

  # CRuby carries into the alphanumeric to the left across other characters ("1.9" -> "2.0",
  # "a-9" -> "a-10"); mruby stops at them. Only ASCII strings mixing both take this path.
  def succ
    return __kobako_succ unless ascii_only? && /[^A-Za-z0-9]/.match?(self) && /[A-Za-z0-9]/.match?(self)
    s = dup
    i = s.bytesize - 1
    last = nil
    carry = nil
    after_other = false
    while i >= 0
      c = s.getbyte(i)
      digit = c >= 0x30 && c <= 0x39
      alpha = (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
      unless digit || alpha
        after_other = true
        i -= 1
        next
      end
      if after_other && last
        l = s.getbyte(last)
        break if (l >= 0x30 && l <= 0x39) ? alpha : digit
      end
      after_other = false
      case c
      when 0x39 then s.setbyte(i, 0x30); carry = "1"
      when 0x7A then s.setbyte(i, 0x61); carry = "a"
      when 0x5A then s.setbyte(i, 0x41); carry = "A"
      else
        s.setbyte(i, c + 1)
        return s
      end
      last = i
      i -= 1
    end
    s[last, 0] = carry
    s
  end

  def next
    succ
  end

  alias __kobako_oct oct

  def oct
    m = /\A\s*([-+]?)0[bB]([01](?:_?[01])*)/.match(self)
    return __kobako_oct unless m
    n = m[2].delete("_").to_i(2)
    m[1] == "-" ? -n : n
  end

  # Each maximal invalid UTF-8 subsequence becomes one replacement (U+FFFD by default), as CRuby.
  def scrub(replacement = nil, &block)
    return dup if valid_encoding?
    bs = bytes
    out = String.new
    i = 0
    n = bs.size
    while i < n
      len = Kobako.__utf8_valid_length(bs, i)
      if len > 0
        out << byteslice(i, len)
        i += len
        next
      end
      bad = Kobako.__utf8_invalid_length(bs, i)
      piece = byteslice(i, bad).b
      out << (block ? block.call(piece) : (replacement || "\uFFFD"))
      i += bad
    end
    out
  end

  def scrub!(replacement = nil, &block)
    replace(scrub(replacement, &block))
  end
end

module Kobako
  # The length of the valid UTF-8 character at bs[i], or 0.
  def self.__utf8_valid_length(bs, i)
    c = bs[i]
    return 1 if c < 0x80
    len = __utf8_expected_length(c)
    return 0 if len == 0 || __utf8_invalid_length(bs, i) < len
    len
  end

  def self.__utf8_expected_length(c)
    if c >= 0xC2 && c <= 0xDF then 2
    elsif c >= 0xE0 && c <= 0xEF then 3
    elsif c >= 0xF0 && c <= 0xF4 then 4
    else 0
    end
  end

  # How many bytes from bs[i] form a well-formed prefix of a character (at least 1).
  def self.__utf8_invalid_length(bs, i)
    c = bs[i]
    len = __utf8_expected_length(c)
    return 1 if len == 0
    k = 1
    while k < len && i + k < bs.size
      b = bs[i + k]
      lo = 0x80
      hi = 0xBF
      if k == 1
        lo = 0xA0 if c == 0xE0
        hi = 0x9F if c == 0xED
        lo = 0x90 if c == 0xF0
        hi = 0x8F if c == 0xF4
      end
      break unless b >= lo && b <= hi
      k += 1
    end
    k
  end
end

class Range
  alias __kobako_include? include?

  def include?(value)
    b = self.begin
    e = self.end
    return __kobako_include?(value) unless b.is_a?(String) && e.is_a?(String)
    return false unless value.is_a?(String)
    if b.size == 1 && e.size == 1 && b.ascii_only? && e.ascii_only?
      return false unless value.size == 1
      return exclude_end? ? (b <= value && value < e) : (b <= value && value <= e)
    end
    each { |s| return true if s == value }
    false
  end

  alias member? include?
end
