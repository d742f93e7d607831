# Enumerable, on arrays and on classes that include it.
# == map-select-reduce
(1..10).select(&:even?).map { |x| x * x }.reduce(:+)
# == find-detect
[(1..10).find { |x| x % 4 == 0 }, (1..10).detect { |x| x > 20 }]
# == find-index
%w[a b c].find_index("b")
# == all-any-none-one
a = [2, 4, 6]
[a.all?(&:even?), a.any? { |x| x > 5 }, a.none?(&:odd?), a.one? { |x| x > 5 }]
# == all-pattern
[[1, 2, 3].all?(Integer), %w[ab cd].any?(/c/), [1, nil].all?, [nil, false].none?]
# == min-max-by
%w[apple fig banana].max_by(&:length)
# == min-n
[5, 1, 4, 2, 3].min(2)
# == sum-block
%w[a bb ccc].sum(&:length)
# == inject
(1..5).inject { |acc, x| acc * x }
# == each-with-index
r = []
%w[a b c].each_with_index { |x, i| r << "#{i}#{x}" }
r
# == each-with-object
%w[a b a].each_with_object(Hash.new(0)) { |x, h| h[x] += 1 }
# == group-by
%w[one two three four five].group_by(&:size)
# == partition
(1..6).partition(&:odd?)
# == chunk
[1, 1, 2, 3, 3, 3].chunk { |x| x }.map { |k, v| [k, v.size] }
# == chunk-while
[1, 2, 4, 5, 7].chunk_while { |a, b| b == a + 1 }.map(&:size)
# == slice-when
[1, 2, 4, 5, 7].slice_when { |a, b| b != a + 1 }.to_a
# == each-cons-slice
[(1..5).each_cons(3).to_a, (1..5).each_slice(2).to_a]
# == zip
[1, 2].zip([3, 4]).map { |a, b| a * b }.sum
# == sort-by-reverse
%w[b c a].sort_by { |x| x }.reverse
# == tally
%w[red blue red green blue red].tally
# == tally-sort
%w[red blue red green blue red].tally.sort_by { |k, v| [-v, k] }
# == uniq
[1, 2, 2, 3].each_entry.to_a.uniq
# == include-member
[(1..3).include?(2), (1..3).member?(4)]
# == to-set-like
[3, 1, 2].sort.to_a
# == first
[(1..3).first, (1..3).first(2), [].first]
# == min-empty
[[].min, [].max, [].sum]
# == flat-map
[[1, 2], [3, 4]].flat_map { |x| x }
# == filter-map
(1..10).filter_map { |x| x * 2 if x.odd? }
# == each-entry
(1..3).each_entry.map { |x| x + 1 }
# == zip-uneven
[1, 2, 3].zip([4])
# == reduce-hash
[[:a, 1], [:b, 2]].reduce({}) { |h, (k, v)| h.merge(k => v) }
# == sort-stability-by
words = %w[bb a ccc dd e]
words.sort_by(&:size)
# == minmax
%w[pear apple fig].minmax
# == count-by-class
[1, "a", 2.0, :b, nil, 3].map(&:class).tally
# == custom-each
class Countdown
  include Enumerable
  def initialize(n) = @n = n
  def each
    @n.downto(1) { |i| yield i }
  end
end
c = Countdown.new(5)
[c.to_a, c.map { |x| x * 2 }, c.select(&:even?), c.sort, c.include?(3), c.min, c.sum, c.first(2)]
# == custom-each-sort-by
class Bag
  include Enumerable
  def initialize(*items) = @items = items
  def each(&block)
    @items.each(&block)
    self
  end
end
Bag.new("kiwi", "fig", "banana").sort_by(&:size)
# == custom-each-lazy
class Naturals
  include Enumerable
  def each
    n = 0
    loop { yield n += 1 }
  end
end
Naturals.new.lazy.select(&:even?).first(3)
# == each-slice-sum
(1..10).each_slice(3).map(&:sum)
# == with-index-offset
%w[a b].each.with_index(1).to_a
# == reverse-each
[1, 2, 3].reverse_each.map { |x| x * 10 }
# == sum-floats-precise
[0.1] * 3 == [0.1, 0.1, 0.1] && [0.1, 0.1, 0.1].sum == 0.30000000000000004
# == inject-strings
%w[a b c].inject(:+)
# == max-with-block
%w[aaa b cc].max { |a, b| a.size <=> b.size }
# == sort-with-nil-error
[3, nil, 1].sort
# == cycle-take
[1, 2, 3].cycle.take(7)
# == each-slice-hash
{a: 1, b: 2, c: 3}.each_slice(2).to_a
# == grep
[1, "a", :b, 2.5, "c"].grep(String)
# == grep-regexp
%w[apple banana avocado].grep(/^a/)
# == grep-block
%w[apple banana avocado].grep(/^a/) { |w| w.upcase }
# == grep-v
(1..10).grep_v(2..8)
# == zip-with-block
r = []
[1, 2].zip([3, 4]) { |a, b| r << a + b }
r
# == take-while
[1, 3, 5, 6, 7].take_while(&:odd?)
# == sum-rational
[Rational(1, 3), Rational(2, 3)].sum
# == to-h
[1, 2].each_with_index.to_h
# == uniq-by
[[1, :a], [1, :b], [2, :c]].uniq(&:first)
# == compact
[1, nil, 2].each.to_a.compact
# == each-with-index-select
%w[a b c d].each_with_index.select { |_, i| i.even? }.map(&:first)
# == average
nums = [3, 5, 8, 13]
nums.sum.to_f / nums.size
# == median
sorted = [7, 1, 5, 3, 9, 2].sort
mid = sorted.size / 2
sorted.size.even? ? (sorted[mid - 1] + sorted[mid]) / 2.0 : sorted[mid]
# == mode
[1, 2, 2, 3, 3, 3].tally.max_by { |_, c| c }.first
# == stddev
xs = [2, 4, 4, 4, 5, 5, 7, 9]
mean = xs.sum.to_f / xs.size
Math.sqrt(xs.sum { |x| (x - mean)**2 } / xs.size)
# == chunk-separator
[1, 2, -1, 3, 4, -1, 5].chunk { |x| x < 0 ? :_separator : true }.to_a
# == slice-when-empty
[].slice_when { |a, b| a != b }.to_a
# == sum-mixed-floats
[1, 0.1, Rational(1, 2), 0.2].sum
# == sum-float-init
[0.1, 0.2, 0.3].sum(10)
# == sum-infinity
[Float::INFINITY, 1.0, -Float::INFINITY].sum.nan?
# == grep-v-block
%w[apple banana cherry].grep_v(/an/) { |s| s.upcase }
# == max-min-n-block
[%w[pear fig banana].max(2) { |a, b| a.size <=> b.size }, (1..10).min(3), (1..10).max(2)]
# == min-by-max-by-n
[%w[aaa b cc].min_by(2, &:size), %w[aaa b cc].max_by(2, &:size)]
# == max-by-incomparable
[1, "a"].max_by { |x| x }
# == sum-each-with-index
[10, 20, 30].each_with_index.sum { |v, i| v * i }
# == sum-hash-pairs
{a: 1, b: 2}.sum { |k, v| v * 10 }
