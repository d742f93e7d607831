# Range#step, Range#% and Range#bsearch as in CRuby: numeric ranges step by adding (floats without drift,
# computing each value from the start as CRuby does), other ranges (strings) take every n-th
# element. Without a block they return an Enumerator that knows its size.
class Range
  def step(n = 1, &block)
    first = self.begin
    numeric = first.is_a?(Numeric) && (self.end.nil? || self.end.is_a?(Numeric))
    raise ArgumentError, "step can't be 0" if n == 0
    unless numeric
      raise TypeError, "no implicit conversion of #{n.class} into Integer" unless n.is_a?(Integer)
      raise ArgumentError, "step can't be negative" if n < 0
    end
    unless block
      e = to_enum(:step, n)
      e.instance_variable_set(:@size, __kobako_step_size(n))
      return e
    end

    if numeric && (first.is_a?(Float) || n.is_a?(Float) || self.end.is_a?(Float))
      count = __kobako_step_size(n)
      i = 0
      while count.nil? || count == Float::INFINITY || i < count
        v = i * n + first
        v = self.end if !self.end.nil? && (n > 0 ? v > self.end : v < self.end)
        block.call(v)
        i += 1
      end
    elsif numeric
      v = first
      last = self.end
      while last.nil? || (n > 0 ? (exclude_end? ? v < last : v <= last) : (exclude_end? ? v > last : v >= last))
        block.call(v)
        v += n
      end
    else
      each_with_index { |v, i| block.call(v) if i % n == 0 }
    end
    self
  end

  def %(n)
    step(n)
  end

  # mruby 3.3 sizes the array of an Integer range as end - begin + 1 even when that is
  # negative, so (5..1).to_a ran into the memory cap; CRuby answers [].
  alias __kobako_to_a to_a

  def to_a
    first = self.begin
    last = self.end
    return [] if first.is_a?(Integer) && last.is_a?(Integer) && (first > last || (first == last && exclude_end?))
    __kobako_to_a
  end
  alias entries to_a

  def __kobako_step_size(n)
    first = self.begin
    last = self.end
    return nil unless first.is_a?(Numeric)
    return Float::INFINITY if last.nil?
    if first.is_a?(Float) || n.is_a?(Float) || last.is_a?(Float)
      b = first.to_f
      e = last.to_f
      u = n.to_f
      return Float::INFINITY if u == 0
      d = (e - b) / u
      err = (b.abs + e.abs + (e - b).abs) / u.abs * Float::EPSILON
      err = 0.5 if err > 0.5
      if exclude_end?
        return 0 if d <= 0
        d = d < 1 ? 0 : (d - err).floor
        x = (d + 1) * u + b
        d += 1 if (b < e && x < e) || (b > e && x > e)
        return d.to_i + 1
      end
      return 0 if d < 0
      (d + err).floor.to_i + 1
    else
      return 0 if n > 0 ? first > last : first < last
      span = (last - first) / n
      exclude_end? && first + span * n == last ? span : span + 1
    end
  end
end

class Enumerator
  unless method_defined?(:size)
    def size
      @size
    end
  end
end

class Range
  # Binary search over an Integer range: find-minimum mode (the block answers true/false; the
  # smallest value answering true) or find-any mode (the block answers a number: 0 found,
  # positive search right, negative search left).
  def bsearch(&block)
    return to_enum(:bsearch) unless block
    lo = self.begin
    hi = self.end
    unless lo.is_a?(Integer) && (hi.nil? || hi.is_a?(Integer))
      raise TypeError, "can't do binary search for #{lo.class}"
    end
    if hi.nil? # endless: double until the answer lies behind
      span = 1
      loop do
        r = block.call(lo + span)
        break if r == true || (r.is_a?(Numeric) && r <= 0)
        span *= 2
      end
      hi = lo + span
    elsif exclude_end?
      hi -= 1
    end
    found = nil
    while lo <= hi
      mid = lo + (hi - lo) / 2
      r = block.call(mid)
      if r == true
        found = mid
        hi = mid - 1
      elsif r.nil? || r == false
        lo = mid + 1
      elsif r.is_a?(Numeric)
        return mid if r == 0
        r > 0 ? lo = mid + 1 : hi = mid - 1
      else
        raise TypeError, "wrong argument type #{r.class} (must be numeric, true, false or nil)"
      end
    end
    found
  end
end
