# Regexp details as CRuby has them, on top of regexp.rb: inspect escapes the slashes of its
# source (/a\/b/), start_with? takes a Regexp, and grep with a block sets $~ for each match,
# so $1 works inside it.
class Regexp
  def inspect
    "/#{Regexp.__slashes_escaped(source)}/#{__flags(true)}"
  end
end

class String
  alias __kobako_plain_start_with? start_with?

  def start_with?(*prefixes)
    prefixes.any? do |prefix|
      if prefix.is_a?(Regexp)
        offsets = Regexp.new("\\A(?:#{prefix.source})", prefix.options).__match(self, 0)
        Regexp.__last_match = offsets && MatchData.__new(prefix, self, offsets)
        !offsets.nil?
      else
        __kobako_plain_start_with?(prefix)
      end
    end
  end
end

module Enumerable
  def grep(pattern, &block)
    out = []
    each do |*vals|
      x = vals.size > 1 ? vals : vals.first
      next unless pattern === x
      if block
        pattern.match(x) if pattern.is_a?(Regexp) # sets $~ for the block
        out << block.call(x)
      else
        out << x
      end
    end
    out
  end
end
