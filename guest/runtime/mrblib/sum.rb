# Enumerable#sum and Array#sum as CRuby computes them: exact for integers and rationals, and
# Kahan-Babuska compensated once a Float is involved, so [0.1, 0.2, 0.3].sum is 0.6 and
# [1e100, 1.0, -1e100].sum is 1.0. Anything else is added with `+`, as in CRuby.
module Enumerable
  def sum(init = 0, &block)
    Kobako.__sum(self, init, block)
  end
end

class Array
  def sum(init = 0, &block)
    Kobako.__sum(self, init, block)
  end
end

module Kobako
  def self.__real?(x)
    x.is_a?(Integer) || x.is_a?(Float) || x.is_a?(Rational)
  end

  def self.__sum(list, init, block)
    total = init
    f = nil # the running Float sum once one shows up, with its compensation c
    c = 0.0
    list.each do |*xs|
      x = xs.size > 1 ? xs : xs.first # each_with_index and hashes yield more than one value
      x = block.call(x) if block
      if f.nil? && x.is_a?(Float) && __real?(total)
        f = total.to_f
        c = 0.0
      end
      if f
        if __real?(x)
          x = x.to_f
          t = f + x
          c += f.abs >= x.abs ? (f - t) + x : (x - t) + f if t.finite?
          f = t
          next
        end
        total = f # CRuby drops the compensation when a non-number follows
        f = nil
      end
      total += x
    end
    return total unless f
    f.finite? ? f + c : f
  end
end

class Range
  # CRuby sums a range of integers by formula, not element by element: (1..10**9).sum is instant.
  def sum(init = 0, &block)
    first = self.begin
    last = self.end
    return super if block || !init.is_a?(Integer) || !first.is_a?(Integer) || !last.is_a?(Integer)

    last -= 1 if exclude_end?
    return init if last < first

    init + (first + last) * (last - first + 1) / 2
  end
end
