# Ruby's Regexp API on the two primitives of src/regexp.c. Offsets from Oniguruma are bytes;
# everything a script sees is in characters (strings are UTF-8).
class Regexp
  IGNORECASE = 1
  EXTENDED = 2
  MULTILINE = 4

  attr_reader :source, :options

  class << self
    def new(pattern, options = nil, _encoding = nil)
      return __new(pattern.source, pattern.options) if pattern.is_a?(Regexp)

      bits =
        case options
        when Integer then options & 7
        when String
          (options.include?("i") ? IGNORECASE : 0) | (options.include?("x") ? EXTENDED : 0) |
            (options.include?("m") ? MULTILINE : 0)
        when nil, false then 0
        else IGNORECASE
        end
      source = pattern.to_s
      begin
        __new(source, bits)
      rescue RegexpError => e
        raise RegexpError, "#{e.message}: /#{__slashes_escaped(source)}/"
      end
    end

    # Regexp literals compile to Regexp.compile(source, flags): like CRuby's, they are frozen,
    # and one compiled Regexp serves every evaluation of the same literal (so a literal in a
    # loop is not recompiled each time).
    def compile(pattern, options = nil, _encoding = nil)
      return new(pattern, options) unless pattern.is_a?(String)
      key = [pattern, options]
      cache = (@__literals ||= {})
      re = cache[key]
      return re if re
      cache.clear if cache.size >= 256
      cache[key] = new(pattern, options).freeze
    end

    def __slashes_escaped(source)
      out = String.new
      escaped = false
      source.each_char do |c|
        out << "\\" if c == "/" && !escaped
        out << c
        escaped = c == "\\" && !escaped
      end
      out
    end

    def escape(str)
      out = String.new
      str.to_s.each_char do |c|
        out << case c
               when "\n" then "\\n"
               when "\t" then "\\t"
               when "\r" then "\\r"
               when "\f" then "\\f"
               when "\v" then "\\v"
               when " " then "\\ "
               when ".", "*", "?", "+", "^", "$", "|", "(", ")", "[", "]", "{", "}", "\\", "/", "-", "#"
                 "\\#{c}"
               else c
               end
      end
      out
    end
    alias quote escape

    def union(*patterns)
      patterns = patterns.first if patterns.size == 1 && patterns.first.is_a?(Array)
      return new("(?!)") if patterns.empty?
      new(patterns.map { |p| p.is_a?(Regexp) ? p.to_s : escape(p) }.join("|"))
    end

    def last_match(n = nil)
      n.nil? ? $~ : ($~ && $~[n])
    end

  end

  # MatchData for str at character position pos, or nil; leaves $~ alone.
  def __match_at(str, pos = 0)
    str = str.to_s
    pos += str.size if pos < 0
    return nil if pos < 0 || pos > str.size
    offsets = __match(str, pos.zero? ? 0 : str[0, pos].bytesize)
    offsets && MatchData.__new(self, str, offsets)
  end

  def match(str, pos = 0)
    if str.nil?
      Regexp.__last_match = nil
      return nil
    end
    m = __match_at(str, pos)
    Regexp.__last_match = m
    m && block_given? ? yield(m) : m
  end

  def match?(str, pos = 0)
    !str.nil? && !__match_at(str, pos).nil?
  end

  def =~(str)
    m = match(str)
    m && m.begin(0)
  end

  def ===(obj)
    (obj.is_a?(String) || obj.is_a?(Symbol)) && match?(obj.to_s)
  end

  # [[name, [group, …]], …] in the order the names first appear in the pattern (Oniguruma keeps
  # them in a hash table). Not memoised: literals are frozen.
  def __names
    __onig_names.sort_by { |_, groups| groups.first }
  end

  def names
    __names.map(&:first)
  end

  def named_captures
    h = {}
    __names.each { |name, groups| h[name] = groups }
    h
  end

  def casefold?
    (options & IGNORECASE) != 0
  end

  def ==(other)
    other.is_a?(Regexp) && source == other.source && options == other.options
  end
  alias eql? ==

  def hash
    [source, options].hash
  end

  def __flags(on)
    f = String.new
    f << "m" if ((options & MULTILINE) != 0) == on
    f << "i" if ((options & IGNORECASE) != 0) == on
    f << "x" if ((options & EXTENDED) != 0) == on
    f
  end

  def to_s
    off = __flags(false)
    "(?#{__flags(true)}#{off.empty? ? '' : "-#{off}"}:#{source})"
  end

  def inspect
    "/#{source}/#{__flags(true)}"
  end
end

class MatchData
  attr_reader :regexp, :string

  def self.__new(regexp, string, offsets)
    m = allocate
    m.__init(regexp, string, offsets)
    m
  end

  def __init(regexp, string, offsets)
    @regexp = regexp
    @string = string.frozen? ? string : string.dup.freeze
    @offsets = offsets
  end

  def size
    @offsets.size / 2
  end
  alias length size

  def __group(key)
    return key if key.is_a?(Integer)
    name = key.to_s
    pair = @regexp.__names.find { |n, _| n == name }
    raise IndexError, "undefined group name reference: #{name}" unless pair
    # With duplicate names, Ruby answers with the last group that matched.
    pair[1].reverse.find { |g| @offsets[g * 2] >= 0 } || pair[1].last
  end

  def __bytes(n)
    n = __group(n)
    n += size if n < 0
    return nil if n < 0 || n >= size
    b = @offsets[n * 2]
    b < 0 ? nil : [b, @offsets[n * 2 + 1]]
  end

  def [](key, len = nil)
    return to_a[key, len] if len
    return to_a[key] if key.is_a?(Range)
    r = __bytes(key)
    r && @string.byteslice(r[0], r[1] - r[0])
  end

  def begin(n)
    r = __bytes(n)
    r && @string.byteslice(0, r[0]).size
  end

  def end(n)
    r = __bytes(n)
    r && @string.byteslice(0, r[1]).size
  end

  def offset(n)
    [self.begin(n), self.end(n)]
  end

  def byteoffset(n)
    __bytes(n) || [nil, nil]
  end

  def to_a
    (0...size).map { |i| self[i] }
  end

  def captures
    to_a.drop(1)
  end

  def names
    @regexp.names
  end

  def named_captures
    h = {}
    @regexp.__names.each { |name, _| h[name] = self[name] }
    h
  end

  def values_at(*indexes)
    indexes.map { |i| self[i] }
  end

  def pre_match
    @string.byteslice(0, @offsets[0])
  end

  def post_match
    @string.byteslice(@offsets[1], @string.bytesize - @offsets[1])
  end

  def to_s
    self[0]
  end

  def ==(other)
    other.is_a?(MatchData) && string == other.string && regexp == other.regexp &&
      byteoffset(0) == other.byteoffset(0)
  end

  def inspect
    parts = [self[0].inspect]
    names = @regexp.__names
    (1...size).each do |i|
      pair = names.find { |_, groups| groups.include?(i) }
      parts << "#{pair ? pair[0] : i}:#{self[i].inspect}"
    end
    "#<MatchData #{parts.join(' ')}>"
  end
end

class String
  alias __kobako_plain_gsub gsub
  alias __kobako_plain_sub sub
  alias __kobako_plain_gsub! gsub!
  alias __kobako_plain_sub! sub!
  alias __kobako_plain_split split
  alias __kobako_plain_index index
  alias __kobako_plain_aref []
  alias __kobako_plain_slice slice

  def =~(other)
    raise TypeError, "wrong argument type String (expected Regexp)" if other.is_a?(String)
    other =~ self
  end

  def match(pattern, pos = 0, &block)
    __kobako_regexp(pattern).match(self, pos, &block)
  end

  def match?(pattern, pos = 0)
    __kobako_regexp(pattern).match?(self, pos)
  end

  def __kobako_regexp(pattern)
    pattern.is_a?(Regexp) ? pattern : Regexp.new(pattern.to_s)
  end

  # Each match from the start, with empty matches stepping one character on.
  def __kobako_each_match(re)
    pos = 0
    last = nil
    while pos <= bytesize
      offsets = re.__match(self, pos)
      break unless offsets
      m = MatchData.__new(re, self, offsets)
      last = m
      yield m
      b, e = offsets[0], offsets[1]
      if e == b
        break if e >= bytesize
        pos = e + byteslice(e, 4).chr.bytesize
      else
        pos = e
      end
    end
    last
  end

  def scan(pattern, &block)
    re = pattern.is_a?(Regexp) ? pattern : Regexp.new(Regexp.escape(pattern.to_s))
    found = []
    last = __kobako_each_match(re) do |m|
      item = m.size > 1 ? m.captures : m[0]
      if block
        Regexp.__last_match = m
        block.call(item)
      else
        found << item
      end
    end
    Regexp.__last_match = last
    block ? self : found
  end

  def __kobako_expand(template, m)
    out = String.new
    i = 0
    while i < template.size
      c = template[i]
      if c == "\\" && i + 1 < template.size
        n = template[i + 1]
        if n >= "0" && n <= "9"
          out << (m[n.to_i] || "")
          i += 2
          next
        elsif n == "&" then out << m[0]; i += 2; next
        elsif n == "`" then out << m.pre_match; i += 2; next
        elsif n == "'" then out << m.post_match; i += 2; next
        elsif n == "\\" then out << "\\"; i += 2; next
        elsif n == "k" && template[i + 2] == "<" && (close = template.index(">", i + 3))
          out << (m[template[(i + 3)...close]] || "")
          i = close + 1
          next
        end
      end
      out << c
      i += 1
    end
    out
  end

  def __kobako_replace(re, replacement, block, once)
    out = String.new
    pos = 0
    last = __kobako_each_match(re) do |m|
      b, e = m.byteoffset(0)
      out << byteslice(pos, b - pos)
      out <<
        if block
          Regexp.__last_match = m
          block.call(m[0]).to_s
        elsif replacement.is_a?(Hash)
          replacement[m[0]].to_s
        else
          __kobako_expand(replacement.to_s, m)
        end
      pos = e
      break m if once
    end
    Regexp.__last_match = last
    out << byteslice(pos, bytesize - pos)
    [out, last]
  end

  def gsub(pattern, *rest, &block)
    return __kobako_keep_binary(__kobako_plain_gsub(pattern, *rest, &block)) unless pattern.is_a?(Regexp)
    return to_enum(:gsub, pattern) if rest.empty? && !block
    __kobako_keep_binary(__kobako_replace(pattern, rest.first, rest.empty? ? block : nil, false)[0])
  end

  def sub(pattern, *rest, &block)
    return __kobako_keep_binary(__kobako_plain_sub(pattern, *rest, &block)) unless pattern.is_a?(Regexp)
    __kobako_keep_binary(__kobako_replace(pattern, rest.first, rest.empty? ? block : nil, true)[0])
  end

  # The result of gsub/sub on a binary string is binary, as CRuby keeps the receiver's encoding.
  def __kobako_keep_binary(out)
    out.__kobako_binary = true if __kobako_binary? && out.is_a?(String) && !out.frozen?
    out
  end

  def gsub!(pattern, *rest, &block)
    raise FrozenError, "can't modify frozen String" if frozen?
    return __kobako_plain_gsub!(pattern, *rest, &block) unless pattern.is_a?(Regexp)
    out, last = __kobako_replace(pattern, rest.first, rest.empty? ? block : nil, false)
    last ? replace(out) : nil
  end

  def sub!(pattern, *rest, &block)
    raise FrozenError, "can't modify frozen String" if frozen?
    return __kobako_plain_sub!(pattern, *rest, &block) unless pattern.is_a?(Regexp)
    out, last = __kobako_replace(pattern, rest.first, rest.empty? ? block : nil, true)
    last ? replace(out) : nil
  end

  def split(pattern = nil, limit = 0)
    return __kobako_plain_split(pattern, limit) unless pattern.is_a?(Regexp)
    parts = []
    pos = 0
    __kobako_each_match(pattern) do |m|
      break if limit > 0 && parts.size == limit - 1
      b, e = m.byteoffset(0)
      next if e == 0 # an empty match at the start splits nothing
      next if b == e && b >= bytesize
      if b == e
        parts << byteslice(pos, b - pos + byteslice(b, 4).chr.bytesize) if b == pos
        parts << byteslice(pos, b - pos) if b > pos
        pos = b == pos ? b + byteslice(b, 4).chr.bytesize : b
      else
        parts << byteslice(pos, b - pos)
        pos = e
      end
      m.captures.each { |c| parts << c if c }
    end
    parts << byteslice(pos, bytesize - pos)
    parts.pop while limit == 0 && !parts.empty? && parts.last.empty?
    parts
  end

  def index(pattern, pos = 0)
    return __kobako_plain_index(pattern, pos) unless pattern.is_a?(Regexp)
    m = pattern.match(self, pos)
    m && m.begin(0)
  end

  def [](*args)
    return __kobako_plain_aref(*args) unless args.first.is_a?(Regexp)
    m = args[0].match(self)
    m && m[args[1] || 0]
  end
  alias slice []
end

class Symbol
  def =~(other)
    to_s =~ other
  end

  def match(pattern, pos = 0)
    to_s.match(pattern, pos)
  end

  def match?(pattern, pos = 0)
    to_s.match?(pattern, pos)
  end
end
