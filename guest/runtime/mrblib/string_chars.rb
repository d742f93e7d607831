# String#tr, #delete, #count and #squeeze by character, as CRuby: mruby's work on bytes, so
# "héllo".tr("é", "e") gave "heello". ASCII-only calls keep mruby's (faster) versions.
module Kobako
  # A tr-style character spec ("a-z", "^aeiou", "\\-") as [negated, [[first, last], ...]] of
  # code points.
  def self.__char_spec(spec, allow_negation = true)
    chars = spec.to_str.chars
    negated = allow_negation && chars.size > 1 && chars[0] == "^"
    chars.shift if negated
    ranges = []
    i = 0
    while i < chars.size
      c = chars[i]
      if c == "\\" && i + 1 < chars.size
        ranges << [chars[i + 1].ord, chars[i + 1].ord]
        i += 2
      elsif i + 2 < chars.size && chars[i + 1] == "-"
        lo = c.ord
        hi = chars[i + 2].ord
        if lo > hi
          raise ArgumentError, "invalid range \"#{c}-#{chars[i + 2]}\" in string transliteration"
        end
        ranges << [lo, hi]
        i += 3
      else
        ranges << [c.ord, c.ord]
        i += 1
      end
    end
    [negated, ranges]
  end

  def self.__in_spec?(spec, ord)
    negated, ranges = spec
    ranges.any? { |lo, hi| ord >= lo && ord <= hi } != negated
  end

  # Does the character with code point ord belong to every one of specs?
  def self.__in_all?(specs, ord)
    specs.all? { |s| __in_spec?(s, ord) }
  end

  def self.__multibyte?(*strings)
    strings.any? { |s| s.bytesize != s.size }
  end
end

class String
  alias __kobako_tr tr
  alias __kobako_delete delete
  alias __kobako_count count
  alias __kobako_squeeze squeeze

  def tr(from, to)
    from = from.to_str
    to = to.to_str
    return __kobako_tr(from, to) if empty? || !Kobako.__multibyte?(self, from, to)
    negated, from_ranges = Kobako.__char_spec(from)
    _, to_ranges = Kobako.__char_spec(to, false)
    to_chars = to_ranges.flat_map { |lo, hi| (lo..hi).to_a }
    return delete(from) if to_chars.empty?
    out = String.new
    if negated
      last = [to_chars.last].pack("U")
      each_char { |c| out << (Kobako.__in_spec?([true, from_ranges], c.ord) ? last : c) }
    else
      map = {}
      from_ranges.flat_map { |lo, hi| (lo..hi).to_a }.each_with_index do |o, i|
        map[o] = to_chars[i] || to_chars.last
      end
      each_char do |c|
        r = map[c.ord]
        out << (r ? [r].pack("U") : c)
      end
    end
    out
  end

  def tr!(from, to)
    result = tr(from, to)
    result == self ? nil : replace(result)
  end

  def delete(*specs)
    raise ArgumentError, "wrong number of arguments (given 0, expected 1+)" if specs.empty?
    return __kobako_delete(*specs) if empty? || !Kobako.__multibyte?(self, *specs)
    sets = specs.map { |s| Kobako.__char_spec(s) }
    out = String.new
    each_char { |c| out << c unless Kobako.__in_all?(sets, c.ord) }
    out
  end

  def delete!(*specs)
    result = delete(*specs)
    result == self ? nil : replace(result)
  end

  def count(*specs)
    raise ArgumentError, "wrong number of arguments (given 0, expected 1+)" if specs.empty?
    return __kobako_count(*specs) if empty? || !Kobako.__multibyte?(self, *specs)
    sets = specs.map { |s| Kobako.__char_spec(s) }
    n = 0
    each_char { |c| n += 1 if Kobako.__in_all?(sets, c.ord) }
    n
  end

  def squeeze(*specs)
    return __kobako_squeeze(*specs) if empty? || !Kobako.__multibyte?(self, *specs)
    sets = specs.map { |s| Kobako.__char_spec(s) }
    out = String.new
    prev = nil
    each_char do |c|
      next if c == prev && Kobako.__in_all?(sets, c.ord)
      out << c
      prev = c
    end
    out
  end

  def squeeze!(*specs)
    result = squeeze(*specs)
    result == self ? nil : replace(result)
  end
end
