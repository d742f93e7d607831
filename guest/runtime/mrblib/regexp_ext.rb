# Regexp details as CRuby has them, on top of regexp.rb: inspect escapes the slashes of its
# source (/a\/b/), and grep with a block sets $~ for each match, so $1 works inside it.
class Regexp
  def inspect
    src = String.new
    escaped = false
    source.each_char do |c|
      src << "\\" if c == "/" && !escaped
      src << c
      escaped = c == "\\" && !escaped
    end
    "/#{src}/#{__flags(true)}"
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
