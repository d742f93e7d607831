# Arrays.
# == literal
[1, "two", :three, 4.0, nil, true, [5]]
# == new-fill
[Array.new(3), Array.new(3, 0), Array.new(3) { |i| i * i }]
# == index
a = [10, 20, 30, 40]
[a[0], a[-1], a[1, 2], a[1..], a[10], a.first, a.last(2)]
# == push-pop
a = [1, 2]
a.push(3)
a << 4
x = a.pop
[a, x]
# == shift-unshift
a = [1, 2, 3]
y = a.shift
a.unshift(0)
[a, y]
# == insert
[1, 2, 5].insert(2, 3, 4)
# == concat
[1, 2] + [3] + [4, 5]
# == difference
[1, 2, 2, 3, 4] - [2, 4]
# == intersection-union
[[1, 2, 3] & [2, 3, 4], [1, 2] | [2, 3]]
# == multiply
[[0] * 3, [1, 2] * ","]
# == include
[[1, 2, 3].include?(2), [1, 2, 3].include?(5)]
# == index-of
[[1, 2, 3, 2].index(2), [1, 2, 3, 2].rindex(2), [1, 2].index(9)]
# == compact
[1, nil, 2, nil, 3].compact
# == flatten
[1, [2, [3, [4]]]].flatten
# == flatten-depth
[1, [2, [3, [4]]]].flatten(1)
# == uniq
[3, 1, 3, 2, 1].uniq
# == uniq-block
%w[apple avocado banana blueberry cherry].uniq { |w| w[0] }
# == sort
[5, 3, 8, 1].sort
# == sort-desc
[5, 3, 8, 1].sort { |a, b| b <=> a }
# == sort-by
%w[pear fig banana kiwi].sort_by(&:length)
# == sort-by-multi
people = [["bob", 25], ["amy", 30], ["cat", 25]]
people.sort_by { |name, age| [age, name] }
# == reverse
[1, 2, 3].reverse
# == rotate
[[1, 2, 3, 4].rotate, [1, 2, 3, 4].rotate(-1)]
# == min-max
[[4, 2, 9].min, [4, 2, 9].max, [4, 2, 9].minmax, [4, 2, 9].max(2)]
# == sum
[[1, 2, 3].sum, [].sum, [1, 2].sum(10), ["a", "b"].sum("")]
# == join
[1, 2, 3].join("-")
# == join-nested
[1, [2, [3]]].join(",")
# == to-s-inspect
[1, "a", :b, nil].to_s
# == slice-bang
a = [1, 2, 3, 4, 5]
b = a.slice!(1, 2)
[a, b]
# == delete
a = [1, 2, 3, 2]
a.delete(2)
a
# == delete-at-if
a = [1, 2, 3, 4, 5, 6]
a.delete_at(0)
a.delete_if(&:even?)
a
# == select-reject
[(1..10).to_a.select(&:even?), (1..10).to_a.reject(&:even?)]
# == map-with-index
%w[a b c].map.with_index(1) { |x, i| "#{i}. #{x}" }
# == each-with-object
[1, 2, 3].each_with_object([]) { |x, acc| acc << x * 2 }
# == each-slice
(1..7).each_slice(3).to_a
# == each-cons
[1, 2, 3, 4].each_cons(2).map { |a, b| b - a }
# == zip
[1, 2, 3].zip(%w[a b c], [true, false])
# == transpose
[[1, 2, 3], [4, 5, 6]].transpose
# == product
[1, 2].product([:a, :b])
# == combination
[1, 2, 3, 4].combination(2).to_a
# == permutation
[1, 2, 3].permutation.count
# == fill
Array.new(5).fill { |i| i * 2 }
# == first-take-drop
a = (1..10).to_a
[a.take(3), a.drop(7), a.take_while { |x| x < 4 }, a.drop_while { |x| x < 8 }]
# == assoc
[[:a, 1], [:b, 2]].assoc(:b)
# == dig
[[1, [2, 3]]].dig(0, 1, 0)
# == count
[[1, 2, 2, 3].count, [1, 2, 2, 3].count(2), [1, 2, 2, 3].count(&:odd?)]
# == tally
%w[a b a c b a].tally
# == group-by
(1..10).group_by { |x| x % 3 }
# == partition
(1..10).partition(&:even?)
# == chunk-while
[1, 2, 3, 5, 6, 9].chunk_while { |a, b| b == a + 1 }.to_a
# == slice-when
[1, 2, 4, 9, 10, 11, 12, 15].slice_when { |i, j| i + 1 != j }.to_a
# == each-index
a = []
%w[x y].each_index { |i| a << i }
a
# == equality
[[1, 2] == [1, 2], [1, 2].eql?([1, 2]), [1, 2] <=> [1, 3], [1, 2].hash == [1, 2].hash]
# == sample-shuffle-size
[[1, 2, 3].shuffle.size, [1, 2, 3].include?([1, 2, 3].sample)]
# == destructure
a, (b, c), *d = 1, [2, 3], 4, 5
[a, b, c, d]
# == splat
first, *rest = [1, 2, 3]
[first, rest]
# == splat-middle
first, *middle, last = [1, 2, 3, 4, 5]
middle
# == values-at
%w[a b c d].values_at(0, 2, 5)
# == bsearch
[1, 3, 5, 7, 9].bsearch { |x| x >= 4 }
# == cycle
[1, 2].cycle.first(5)
# == array-of-arrays-to-h
[[:a, 1], [:b, 2]].to_h
# == to-h-block
%w[a bb ccc].to_h { |s| [s, s.size] }
# == filter-map
[1, 2, 3, 4].filter_map { |x| x * 10 if x.even? }
# == flat-map
[[1, 2], [3]].flat_map { |a| a.map { |x| x * 2 } }
# == sum-floats
[0.1, 0.2, 0.3, 0.4].sum
# == inject-symbol
[[1, 2, 3].inject(:+), [1, 2, 3].inject(10) { |s, x| s + x }]
# == array-frozen
a = [1, 2].freeze
a << 3
# == index-error
[1, 2].fetch(5)
# == fetch-default
[[1, 2].fetch(5, :none), [1, 2].fetch(-1), [1, 2].fetch(9) { |i| i * 2 }]
# == first-n
[].first
# == nested-inspect
[[1, [2, nil]], {a: [3]}]
# == array-compare-sort
[[2, "b"], [1, "z"], [2, "a"]].sort
# == uniq-hashes
[{a: 1}, {a: 1}, {a: 2}].uniq
# == difference-method
[1, 2, 3, 4].difference([2], [4])
# == union-method
[1].union([2], [1, 3])
# == intersect
[1, 2].intersect?([2, 3])
# == minmax-by
%w[aa b cccc].minmax_by(&:size)
# == sum-of-squares
(1..5).map { |x| x**2 }.sum
# == matrix-multiply
a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
a.map { |row| b.transpose.map { |col| row.zip(col).sum { |x, y| x * y } } }
# == pascal-triangle
rows = [[1]]
4.times { rows << [1, *rows.last.each_cons(2).map(&:sum), 1] }
rows
# == running-total
[5, 3, 8, 1].each_with_object([]) { |x, acc| acc << (acc.last || 0) + x }
# == second-largest
[4, 9, 2, 9, 7].uniq.sort[-2]
# == array-pack-string
["a", "b"].pack("a2a2")
# == dedupe-case
%w[Apple apple BANANA banana].uniq(&:downcase)
# == array-delete-return
[1, 2, 3].delete(4) { "not found" }
# == last-assignment
a = [1, 2, 3]
a[5] = 6
a
# == negative-index-assign
a = [1, 2, 3]
a[-1] = 9
a[0..1] = [7]
a
# == array-each-return
[1, 2].each { |x| x }
# == array-map-bang
a = [1, 2, 3]
a.map! { |x| x * 3 }
a
# == select-bang
a = [1, 2, 3, 4]
[a.select!(&:even?), a.select! { true }]
# == sort-mixed-error
[1, "a"].sort
# == array-sum-mixed
[1, 2.5, Rational(1, 2)].sum
