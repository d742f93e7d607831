# JSON in CRuby's output format: JSON.generate/dump, JSON.pretty_generate, #to_json, and
# JSON.parse (symbolize_names:, max_nesting:, allow_nan:) with JSON::ParserError. Our own small
# implementation. The parser walks bytes (getbyte is O(1) on UTF-8 strings) and refuses nesting
# past max_nesting (100 by default), so hostile input ends in an exception or the guest's caps.
module JSON
  class JSONError < StandardError; end
  class ParserError < JSONError; end
  class NestingError < ParserError; end
  class GeneratorError < JSONError; end

  def self.generate(obj, opts = nil)
    Kobako::JSONWriter.new(opts, false).write(obj)
  end

  def self.dump(obj, *_args)
    generate(obj)
  end

  def self.pretty_generate(obj, opts = nil)
    Kobako::JSONWriter.new(opts, true).write(obj)
  end

  def self.parse(source, opts = nil, **options)
    options = opts.merge(options) if opts.is_a?(Hash)
    unless source.is_a?(String)
      raise TypeError, "no implicit conversion of #{source.nil? ? 'nil' : source.class} into String"
    end
    Kobako::JSONReader.new(source, options).parse
  end

  def self.load(source, *_args)
    source.nil? ? nil : parse(source)
  end

  def self.[](obj, opts = {})
    obj.is_a?(String) ? parse(obj, opts) : generate(obj, opts)
  end
end

module Kobako
  class JSONWriter
    def initialize(opts, pretty)
      opts ||= {}
      @pretty = pretty
      @indent = opts[:indent] || (pretty ? "  " : "")
      @space = opts[:space] || (pretty ? " " : "")
      @nl = opts[:object_nl] || (pretty ? "\n" : "")
      @array_nl = opts[:array_nl] || (pretty ? "\n" : "")
      @allow_nan = opts[:allow_nan]
      @max_nesting = opts.key?(:max_nesting) ? opts[:max_nesting] : 100
    end

    def write(obj)
      out = String.new
      value(obj, out, 0)
      out
    end

    def value(obj, out, depth)
      case obj
      when Hash then object(obj, out, depth + 1)
      when Array then array(obj, out, depth + 1)
      when String then out << JSONWriter.quote(obj)
      when Symbol then out << JSONWriter.quote(obj.to_s)
      when nil then out << "null"
      when true then out << "true"
      when false then out << "false"
      when Integer then out << obj.to_s
      when Float then out << float(obj)
      else
        out << (obj.respond_to?(:to_json) ? obj.to_json : JSONWriter.quote(obj.to_s))
      end
    end

    def nesting(depth)
      return unless @max_nesting && @max_nesting != 0 && depth > @max_nesting
      raise JSON::NestingError, "nesting of #{depth - 1} is too deep"
    end

    # Loops rather than blocks: a deep document costs two Ruby frames per level.
    def object(hash, out, depth)
      nesting(depth)
      return out << "{}" if hash.empty?
      out << "{" << @nl
      keys = hash.keys
      i = 0
      while i < keys.size
        out << "," << @nl if i > 0
        out << @indent * depth << JSONWriter.quote(keys[i].to_s) << ":" << @space
        value(hash[keys[i]], out, depth)
        i += 1
      end
      out << @nl << @indent * (depth - 1) << "}"
    end

    def array(list, out, depth)
      nesting(depth)
      return out << "[]" if list.empty?
      out << "[" << @array_nl
      i = 0
      while i < list.size
        out << "," << @array_nl if i > 0
        out << @indent * depth
        value(list[i], out, depth)
        i += 1
      end
      out << @array_nl << @indent * (depth - 1) << "]"
    end

    def float(f)
      if f.nan? || f.infinite?
        raise JSON::GeneratorError, "#{f} not allowed in JSON" unless @allow_nan
      end
      f.to_s
    end

    ESCAPES = { '"' => '\"', "\\" => "\\\\", "\b" => '\b', "\f" => '\f', "\n" => '\n',
                "\r" => '\r', "\t" => '\t' }.freeze

    def self.quote(str)
      raise JSON::GeneratorError, "source sequence is illegal/malformed utf-8" unless str.valid_encoding?
      out = String.new('"')
      str.each_char do |c|
        e = ESCAPES[c]
        if e
          out << e
        elsif c.ord < 0x20
          out << format("\\u%04x", c.ord)
        else
          out << c
        end
      end
      out << '"'
    end
  end

  # Errors are reported where CRuby's json 2.9 reports them: an array at the token it could not
  # take, an object (or a value that is not one) at its own start, through enclosing objects up
  # to the nearest array or the document. `Soft` carries such a start outwards.
  class JSONReader
    WS = [0x20, 0x09, 0x0a, 0x0d].freeze

    class Soft < StandardError
      attr_reader :pos

      def initialize(pos)
        super("json")
        @pos = pos
      end
    end

    def initialize(source, options)
      @s = source
      @n = source.bytesize
      @pos = 0
      @symbolize = options[:symbolize_names]
      @allow_nan = options[:allow_nan]
      @max_nesting = options.key?(:max_nesting) ? options[:max_nesting] : 100
    end

    def parse
      skip_ws
      begin
        v = value(0)
      rescue Soft => e
        fail_at(e.pos)
      end
      skip_ws
      fail_at(@pos) if @pos < @n
      v
    end

    def fail_at(pos)
      rest = @s.byteslice(pos, @n - pos)
      raise JSON::ParserError, "unexpected token at '#{rest}'"
    end

    def soft(pos)
      raise Soft.new(pos)
    end

    def skip_ws
      @pos += 1 while @pos < @n && WS.include?(@s.getbyte(@pos))
    end

    def value(depth)
      c = @s.getbyte(@pos)
      case c
      when 0x7b then object(depth + 1) # {
      when 0x5b then array(depth + 1)  # [
      when 0x22 then string            # "
      when 0x2d, 0x30..0x39 then number
      else literal
      end
    end

    def nesting(depth)
      return unless @max_nesting && @max_nesting != 0 && depth > @max_nesting
      raise JSON::NestingError, "nesting of #{depth} is too deep"
    end

    def literal
      [["true", true], ["false", false], ["null", nil]].each do |word, v|
        if @s.byteslice(@pos, word.size) == word
          @pos += word.size
          return v
        end
      end
      if @allow_nan
        [["NaN", Float::NAN], ["Infinity", Float::INFINITY], ["-Infinity", -Float::INFINITY]].each do |word, v|
          if @s.byteslice(@pos, word.size) == word
            @pos += word.size
            return v
          end
        end
      end
      soft(@pos)
    end

    def object(depth)
      nesting(depth)
      start = @pos
      @pos += 1
      h = {}
      skip_ws
      if @s.getbyte(@pos) == 0x7d
        @pos += 1
        return h
      end
      while true
        skip_ws
        soft(start) unless @s.getbyte(@pos) == 0x22
        key = string_or(start)
        key = key.to_sym if @symbolize
        skip_ws
        soft(start) unless @s.getbyte(@pos) == 0x3a # :
        @pos += 1
        skip_ws
        begin
          h[key] = value(depth)
        rescue Soft
          soft(start)
        end
        skip_ws
        c = @s.getbyte(@pos)
        @pos += 1
        return h if c == 0x7d
        soft(start) unless c == 0x2c
      end
    end

    def array(depth)
      nesting(depth)
      @pos += 1
      list = []
      skip_ws
      if @s.getbyte(@pos) == 0x5d
        @pos += 1
        return list
      end
      while true
        skip_ws
        begin
          list << value(depth)
        rescue Soft => e
          fail_at(e.pos)
        end
        skip_ws
        c = @s.getbyte(@pos)
        fail_at(@pos) unless c == 0x5d || c == 0x2c
        @pos += 1
        return list if c == 0x5d
      end
    end

    def string_or(start)
      string
    rescue Soft
      soft(start)
    end

    def number
      start = @pos
      @pos += 1 if @s.getbyte(@pos) == 0x2d
      int_start = @pos
      digits
      soft(start) if @pos == int_start
      soft(start) if @s.getbyte(int_start) == 0x30 && @pos - int_start > 1
      float = false
      if @s.getbyte(@pos) == 0x2e && (d = @s.getbyte(@pos + 1)) && d >= 0x30 && d <= 0x39
        float = true
        @pos += 1
        digits
      end
      c = @s.getbyte(@pos)
      if c == 0x65 || c == 0x45 # e E
        mark = @pos
        @pos += 1
        @pos += 1 if [0x2b, 0x2d].include?(@s.getbyte(@pos))
        exp_start = @pos
        digits
        if @pos == exp_start
          @pos = mark
        else
          float = true
        end
      end
      text = @s.byteslice(start, @pos - start)
      float ? text.to_f : text.to_i
    end

    def digits
      while @pos < @n
        c = @s.getbyte(@pos)
        break if c < 0x30 || c > 0x39
        @pos += 1
      end
    end

    def string
      start = @pos
      @pos += 1
      out = String.new
      run = @pos
      while true
        soft(start) if @pos >= @n
        c = @s.getbyte(@pos)
        if c == 0x22
          out << @s.byteslice(run, @pos - run)
          @pos += 1
          break
        elsif c == 0x5c # backslash
          out << @s.byteslice(run, @pos - run)
          out << escape(start)
          run = @pos
        elsif c < 0x20
          soft(start)
        else
          @pos += 1
        end
      end
      soft(start) unless out.valid_encoding?
      out
    end

    def escape(start)
      e = @s.getbyte(@pos + 1)
      @pos += 2
      case e
      when 0x6e then "\n"
      when 0x74 then "\t"
      when 0x72 then "\r"
      when 0x62 then "\b"
      when 0x66 then "\f"
      when 0x75 # u
        cp = hex4(start)
        if cp >= 0xD800 && cp <= 0xDBFF && @s.byteslice(@pos, 2) == "\\u"
          @pos += 2
          low = hex4(start)
          if low >= 0xDC00 && low <= 0xDFFF
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00)
          else
            return [0xFFFD].pack("U") + [low].pack("U")
          end
        end
        cp = 0xFFFD if cp >= 0xD800 && cp <= 0xDFFF
        [cp].pack("U")
      when nil then soft(start)
      else e.chr
      end
    end

    def hex4(start)
      h = @s.byteslice(@pos, 4)
      soft(start) unless h && h.size == 4 && h.each_char.all? { |c| "0123456789abcdefABCDEF".include?(c) }
      @pos += 4
      h.to_i(16)
    end
  end
end

class Object
  def to_json(*_args)
    Kobako::JSONWriter.quote(to_s)
  end
end

[Hash, Array, String, Symbol, Integer, Float, NilClass, TrueClass, FalseClass].each do |klass|
  klass.class_eval do
    def to_json(opts = nil, *_rest)
      JSON.generate(self, opts.is_a?(Hash) ? opts : nil)
    end
  end
end
