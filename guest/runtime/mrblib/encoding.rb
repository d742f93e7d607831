# A minimal Encoding for a guest whose strings are all UTF-8: the three encodings scripts name
# (UTF-8, ASCII-8BIT alias BINARY, US-ASCII), String#encoding/force_encoding/b/encode, and
# Integer#chr taking an Encoding. mruby has no per-string encoding: a string made binary by
# `b`, `force_encoding`, `pack` or `Random#bytes` (or bytes from the host) carries a flag that
# mruby's string code reads as bytes (guest patch 73), and crosses to the host as a Uint8Array.
class EncodingError < StandardError; end

class Encoding
  class CompatibilityError < EncodingError; end
  class UndefinedConversionError < EncodingError; end
  class InvalidByteSequenceError < EncodingError; end
  class ConverterNotFoundError < EncodingError; end

  attr_reader :name

  def initialize(name, names)
    @name = name
    @names = names
  end

  def names
    @names.dup
  end

  def to_s
    @name
  end

  def inspect
    @name == "ASCII-8BIT" ? "#<Encoding:BINARY (ASCII-8BIT)>" : "#<Encoding:#{@name}>"
  end

  def ascii_compatible?
    true
  end

  def dummy?
    false
  end

  UTF_8 = new("UTF-8", ["UTF-8", "CP65001"])
  ASCII_8BIT = new("ASCII-8BIT", ["ASCII-8BIT", "BINARY"])
  BINARY = ASCII_8BIT
  US_ASCII = new("US-ASCII", ["US-ASCII", "ASCII", "ANSI_X3.4-1968", "646"])

  def self.list
    [ASCII_8BIT, UTF_8, US_ASCII]
  end

  def self.name_list
    list.flat_map(&:names)
  end

  def self.find(name)
    return name if name.is_a?(Encoding)
    key = name.to_s.upcase
    key = "UTF-8" if %w[LOCALE EXTERNAL FILESYSTEM].include?(key)
    found = list.find { |e| e.names.any? { |n| n.upcase == key } }
    raise ArgumentError, "unknown encoding name - #{name}" unless found
    found
  end

  def self.default_external
    UTF_8
  end

  def self.default_internal
    nil
  end

  def self.compatible?(a, b)
    UTF_8
  end
end

class String
  # A binary string (its flag set by b, force_encoding, pack, … and kept by copies, substrings
  # and +: guest patch 73) counts bytes in C; these show and judge it as bytes.
  def encoding
    __kobako_binary? ? Encoding::ASCII_8BIT : Encoding::UTF_8
  end

  # Called by String#inspect (guest/runtime/src/binary_string.c) for a binary string.
  def __kobako_binary_inspect
    out = String.new('"')
    bytes.each do |b|
      c = b < 0x80 ? b.chr.__kobako_text_inspect[1..-2] : ""
      out << (c.empty? || c.start_with?("\\u") ? format("\\x%02X", b) : c)
    end
    out << '"'
  end
end

class String
  def force_encoding(enc)
    enc = Encoding.find(enc)
    raise FrozenError, "can't modify frozen String: #{inspect}" if frozen?
    self.__kobako_binary = enc == Encoding::ASCII_8BIT
    self
  end

  def b
    String.new(self).force_encoding(Encoding::ASCII_8BIT)
  end

  def encode(enc = Encoding::UTF_8, *_from, **options)
    enc = Encoding.find(enc)
    return b if enc == Encoding::ASCII_8BIT && (__kobako_binary? || ascii_only?)
    out = String.new(self)
    if enc == Encoding::ASCII_8BIT
      return out.each_char.map { |c| c.ord < 0x80 ? c : (options[:replace] || "?") }.join.b if options[:undef] == :replace && valid_encoding?
      c = out.each_char.find { |ch| !ch.ascii_only? }
      raise Encoding::InvalidByteSequenceError, "#{c.inspect} on UTF-8" unless c.valid_encoding?
      raise Encoding::UndefinedConversionError, format("U+%04X from UTF-8 to ASCII-8BIT", c.ord)
    end
    if enc == Encoding::US_ASCII && !ascii_only?
      replacement = options[:replace] || "?"
      return out.each_char.map { |c| c.ord < 0x80 ? c : replacement }.join if options[:undef] == :replace
      c = out.each_char.find { |ch| ch.ord >= 0x80 }
      raise Encoding::UndefinedConversionError, format("U+%04X from UTF-8 to US-ASCII", c.ord)
    end
    out
  end

  unless method_defined?(:valid_encoding?)
    def valid_encoding?
      i = 0
      bs = bytes
      n = bs.size
      while i < n
        c = bs[i]
        len = if c < 0x80 then 1
              elsif c >= 0xC2 && c <= 0xDF then 2
              elsif c >= 0xE0 && c <= 0xEF then 3
              elsif c >= 0xF0 && c <= 0xF4 then 4
              else return false
              end
        return false if i + len > n
        (1...len).each { |k| return false unless bs[i + k] & 0xC0 == 0x80 }
        i += len
      end
      true
    end
  end

  unless method_defined?(:ascii_only?)
    def ascii_only?
      bytesize == length && bytes.all? { |b| b < 0x80 }
    end
  end

  unless method_defined?(:+@)
    def +@
      frozen? ? dup : self
    end

    def -@
      frozen? ? self : dup.freeze
    end
  end
end

class Integer
  alias __kobako_chr chr

  def chr(enc = nil)
    return __kobako_chr if enc.nil?
    unless enc.is_a?(String) || enc.is_a?(Encoding)
      raise TypeError, "wrong argument type #{enc.class} (expected Encoding)"
    end
    e = Encoding.find(enc)
    return __kobako_chr("UTF-8") if e == Encoding::UTF_8
    raise RangeError, "#{self} out of char range" if e == Encoding::US_ASCII && (self < 0 || self > 0x7f)
    __kobako_chr
  end
end

# Bytes made by pack and Random#bytes are ASCII-8BIT in CRuby (and so reach the host as a
# Uint8Array). pack answers text only when every directive is U (UTF-8) or m, M, u (US-ASCII).
class Array
  alias __kobako_pack pack

  def pack(template, *rest)
    out = __kobako_pack(template, *rest)
    directives = template.gsub(/#[^\n]*/, "")
    out.force_encoding(Encoding::ASCII_8BIT) if directives.match?(/[^UmMu\d*_!<>\s]/)
    out
  end
end

class Random
  alias __kobako_bytes bytes

  def bytes(n)
    __kobako_bytes(n).force_encoding(Encoding::ASCII_8BIT)
  end

  class << self
    alias __kobako_bytes bytes

    def bytes(n)
      __kobako_bytes(n).force_encoding(Encoding::ASCII_8BIT)
    end
  end
end
