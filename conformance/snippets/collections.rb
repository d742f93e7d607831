# Collections in everyday code: hashes and arrays for reports, grouping, lookups.
# == transform-keys
h = { "a" => 1, "b" => 2 }
[h.transform_keys(&:to_sym), h.transform_values { _1 * 10 }, h.transform_keys({ "a" => "x" })]
# == group-by-count
words = %w[apple avocado banana blueberry cherry]
words.group_by { _1[0] }.transform_values(&:count)
# == tally-sort
%w[a b a c b a].tally.sort_by { |k, v| [-v, k] }
# == tally-by
%w[Apple avocado Banana].tally_by(&:downcase) rescue %w[Apple avocado Banana].map(&:downcase).tally
# == hash-sum
{ a: 1, b: 2 }.sum { |k, v| v }
# == hash-min-max-by
h = { alice: 30, bob: 25, carol: 35 }
[h.min_by { |_, v| v }, h.max_by { |_, v| v }, h.sort_by { |_, v| -v }.first(2).to_h]
# == each-with-object-hash
%w[a bb ccc].each_with_object({}) { |w, acc| acc[w] = w.size }
# == filter-map
[1, 2, 3, 4].filter_map { |x| x * 2 if x.odd? }
# == to-h-block
%w[a b].to_h { |s| [s, s.upcase] }
# == hash-default-proc
h = Hash.new { |hash, k| hash[k] = [] }
h[:x] << 1
h[:y]
h
# == hash-default-value
h = Hash.new(0)
"hello".each_char { h[_1] += 1 }
[h, h["z"], h.fetch("z", :none)]
# == hash-dig
data = { user: { profile: { emails: ["a@x", "b@x"] } } }
[data.dig(:user, :profile, :emails, 1), data.dig(:user, :missing, :x)]
# == hash-dig-type-error
{ a: 1 }.dig(:a, :b)
# == hash-select-reject
h = { a: 1, b: 2, c: 3 }
[h.select { |_, v| v > 1 }, h.reject { |_, v| v > 1 }, h.filter_map { |k, v| k if v.odd? }]
# == hash-merge-block
{ a: 1, b: 2 }.merge({ b: 3, c: 4 }) { |key, old, new| old + new }
# == hash-any-all
h = { a: 1, b: 2 }
[h.any? { |k, v| v > 1 }, h.all? { |k, v| v > 0 }, h.count { |k, v| v.even? }, h.find { |k, v| v == 2 }]
# == hash-sort-to-h
{ b: 2, a: 1 }.sort.to_h
# == hash-invert-key
h = { a: 1, b: 2 }
[h.invert, h.key(2), h.values_at(:a, :z), h.fetch_values(:a)]
# == hash-fetch-missing
{ a: 1 }.fetch(:b)
# == hash-group-partition
(1..10).partition(&:even?)
# == hash-each-with-index
{ a: 1, b: 2 }.each_with_index.map { |(k, v), i| "#{i}:#{k}=#{v}" }
# == hash-compact-filter
{ a: nil, b: 1, c: false }.compact
# == hash-slice-except
h = { a: 1, b: 2, c: 3 }
[h.slice(:a, :c), h.except(:b), h.filter_map { |k, v| [k, v] if v > 1 }.to_h]
# == hash-delete-if
h = { a: 1, b: 2, c: 3 }
h.delete_if { |_, v| v.even? }
[h, h.delete(:a), h.delete(:zz), h.delete(:zz) { "none" }]
# == hash-sum-values
{ a: 1.5, b: 2.25 }.values.sum
# == hash-to-a-flatten
{ a: [1, 2], b: [3] }.flat_map { |k, vs| vs.map { [k, _1] } }
# == hash-string-keys-inspect
{ "name" => "Bob", 1 => :x, nil => nil, [1] => { b: 2 } }
# == hash-key-order
h = {}
h[:z] = 1
h[:a] = 2
h.delete(:z)
h[:z] = 3
h.keys
# == hash-update-counts
inventory = { apples: 3 }
inventory[:apples] -= 1
inventory[:pears] = inventory.fetch(:pears, 0) + 5
inventory
# == hash-find-all-sort
people = [{ name: "A", age: 30 }, { name: "B", age: 20 }, { name: "C", age: 30 }]
people.select { _1[:age] >= 30 }.map { _1[:name] }.sort.reverse
# == hash-sum-by-group
sales = [["north", 10], ["south", 5], ["north", 7]]
sales.each_with_object(Hash.new(0)) { |(r, v), acc| acc[r] += v }
# == hash-eq-order
[{ a: 1, b: 2 } == { b: 2, a: 1 }, { a: 1 }.eql?({ a: 1.0 }), { a: 1 }.hash == { a: 1 }.hash]
# == each-slice-cons
[(1..7).each_slice(3).to_a, (1..4).each_cons(2).map { |a, b| b - a }]
# == zip-product
[[1, 2, 3].zip([4, 5, 6], [7, 8]), [1, 2].product([3, 4]), [1, 2].product]
# == combination-permutation
[[1, 2, 3].combination(2).to_a, [1, 2, 3].permutation(2).count, [1, 2, 3, 4].combination(3).count]
# == repeated-combination
[[1, 2].repeated_combination(2).to_a, [0, 1].repeated_permutation(2).to_a]
# == flatten-depth
[[1, [2, [3, [4]]]].flatten, [1, [2, [3, [4]]]].flatten(1), [[1, 2], [3]].sum([])]
# == bsearch
a = [1, 3, 5, 7, 9, 11]
[a.bsearch { _1 >= 6 }, a.bsearch_index { _1 >= 6 }, a.bsearch { |x| 7 <=> x }, a.bsearch { _1 > 100 }]
# == array-pack-roundtrip
[1, 2, 3].pack("s*").unpack("s*")
# == sort-by-stable
people = [["bob", 2], ["amy", 1], ["cat", 2], ["dan", 1]]
people.sort_by.with_index { |(n, g), i| [g, i] }.map(&:first)
# == sort-by-multi
words = %w[pear fig apple kiwi banana]
[words.sort_by { [_1.size, _1] }, words.sort_by { -_1.size }.first, words.max_by(2, &:size)]
# == sort-descending
[[3, 1, 2].sort { |a, b| b <=> a }, [3, 1, 2].sort.reverse, %w[b A c].sort_by(&:downcase)]
# == array-take-drop
a = [5, 3, 8, 1, 9]
[a.take(2), a.drop(3), a.take_while { _1 > 2 }, a.drop_while { _1 > 2 }, a.first(10), a.last(2)]
# == array-uniq-by
[[1, 2, 2, 3, 3, 3].uniq, %w[a A b B].uniq(&:downcase), [[1, :a], [1, :b]].uniq(&:first)]
# == array-rotate-sample-size
[[1, 2, 3].rotate, [1, 2, 3].rotate(-1), [1, 2, 3].each_slice(2).size]
# == array-index-find
a = %w[x y z y]
[a.index("y"), a.rindex("y"), a.find_index { _1 > "x" }, a.count("y")]
# == array-delete-insert
a = [1, 2, 3, 4]
a.delete_at(1)
a.insert(1, :x, :y)
a.delete(4)
[a, a.compact, a.fill(0, 2)]
# == array-transpose
[[1, 2, 3], [4, 5, 6]].transpose
# == array-transpose-error
[[1, 2], [3]].transpose
# == array-sum-floats
[[0.1, 0.2, 0.3].sum, [1, 2.5].sum, ["a", "b"].sum(""), [[1], [2]].sum([])]
# == array-min-max-n
[[5, 1, 4, 2].min(2), [5, 1, 4, 2].max(2), [].max, [].sum, [].minmax]
# == array-each-with-index-map
%w[a b c].each_with_index.map { |s, i| "#{i + 1}. #{s}" }
# == array-map-with-index
%w[a b].map.with_index(1) { |s, i| [i, s] }
# == array-chunk-while
[1, 2, 4, 5, 7].chunk_while { |a, b| b == a + 1 }.map { _1.size > 1 ? "#{_1.first}-#{_1.last}" : _1.first.to_s }
# == array-slice-when
[1, 2, 4, 9, 10, 11].slice_when { |i, j| j != i + 1 }.to_a
# == array-cycle-first
[1, 2].cycle.first(5)
# == array-dig
[[1, [2, 3]], { a: [4] }].dig(0, 1, 0)
# == array-intersect
[[1, 2, 3] & [2, 3, 4], [1, 2] | [2, 3], [1, 2, 2, 3] - [2], [1, 2].intersect?([2, 5]), [1, 1, 2].difference([1])]
# == array-compare
[[1, 2] <=> [1, 3], [1, 2] <=> [1, 2, 3], [1, "a"] <=> [1, 2], [[2, 1], [1, 2]].sort]
# == array-join-nested
[[1, [2, 3]].join(","), [1, nil, 2].join("-"), [].join]
# == array-inspect-nested
[1, "two", :three, 4.0, nil, [true], { k: "v" }]
# == array-each-slice-hash
%w[a 1 b 2].each_slice(2).to_h
# == array-first-negative
[1, 2].first(-1)
# == array-fetch-error
[1, 2].fetch(5)
# == array-step-index
(0...10).step(3).map { |i| i * i }
# == array-sum-with-init
[1, 2, 3].sum(10)
# == array-flat-map-pairs
{ x: [1, 2], y: [3] }.flat_map { |k, v| v.map { |n| "#{k}#{n}" } }
# == array-assoc
[[[:a, 1], [:b, 2]].assoc(:b), [[:a, 1], [:b, 2]].rassoc(1)]
# == array-each-entry-zip-to-h
keys = %i[a b c]
vals = [1, 2, 3]
keys.zip(vals).to_h
# == array-count-by
%w[apple bob kayak level].count { _1 == _1.reverse }
# == array-none-one
[[1, 2].none? { _1 > 5 }, [1, 2].one?(2), [nil, false].any?, [].all?, [1, 2, 3].sum { _1 ** 2 }]
# == array-multiply-join
[[1, 2] * 2, [1, 2] * ", "]
# == array-values-at
%w[a b c d].values_at(0, 2, 5, -1, 1..2)
# == array-inject-symbol
[(1..5).inject(:*), (1..5).reduce(1) { |a, b| a * b }, [[1, 2], [3, 4]].inject(:+)]
# == set-operations
require "set"
a = Set[1, 2, 3]
b = Set[2, 3, 4]
[a | b, a & b, a - b, a ^ b, a.subset?(Set[1, 2, 3, 4]), a.include?(2)]
# == set-inspect
require "set"
[Set.new([1, 2]), Set.new, Set[[1, 2]], Set[1, 2].to_a]
# == set-add-predicates
require "set"
s = Set.new
[s.add?(1), s.add?(1), s << 2, s.size, s.superset?(Set[1]), s.disjoint?(Set[5])]
# == set-map-group
require "set"
s = Set[1, 2, 3, 4]
[s.map { _1 % 2 }.to_set, s.group_by(&:odd?), s.partition(&:even?), s.sort.reverse]
# == set-eq
require "set"
[Set[1, 2] == Set[2, 1], Set[1, 2].eql?(Set[2, 1]), Set[1] <= Set[1, 2], Set[[1]].include?([1])]
