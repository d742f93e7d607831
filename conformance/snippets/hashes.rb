# Hashes.
# == literal-symbols
{name: "Ann", age: 30}
# == literal-strings
{"name" => "Ann", "age" => 30}
# == literal-mixed
{1 => "one", :two => 2, "three" => 3.0, nil => [], [1] => {a: 1}}
# == inspect-special-keys
{"a-b": 1, "if": 2, a?: 3, "Z": 4, "@x": 5}
# == lookup
h = {a: 1, b: 2}
[h[:a], h[:z], h.fetch(:b), h.fetch(:z, 0), h.key?(:a), h.value?(2)]
# == fetch-missing
{a: 1}.fetch(:b)
# == default
h = Hash.new(0)
"hello".each_char { |c| h[c] += 1 }
h
# == default-block
h = Hash.new { |hash, k| hash[k] = k * 2 }
h[3]
h
# == store-delete
h = {a: 1}
h[:b] = 2
h.delete(:a)
h
# == each
out = []
{a: 1, b: 2}.each { |k, v| out << "#{k}=#{v}" }
out
# == map
{a: 1, b: 2}.map { |k, v| [k, v * 10] }
# == to-h-transform
{a: 1, b: 2}.to_h { |k, v| [k.to_s, v + 1] }
# == transform-values
{a: 1, b: 2}.transform_values { |v| v * 100 }
# == transform-keys
{a: 1, b: 2}.transform_keys(&:to_s)
# == select-reject
h = {a: 1, b: 2, c: 3}
[h.select { |_, v| v.odd? }, h.reject { |_, v| v.odd? }]
# == filter-map
{a: 1, b: 2, c: 3}.filter_map { |k, v| k if v > 1 }
# == min-max-by
h = {apple: 3, pear: 7, fig: 5}
[h.max_by { |_, v| v }, h.min_by { |_, v| v }]
# == sort-by-value
{b: 2, a: 3, c: 1}.sort_by { |_, v| v }.to_h
# == sum-values
{a: 1.5, b: 2.25}.values.sum
# == merge
{a: 1, b: 2}.merge({b: 3, c: 4})
# == merge-block
{a: 1, b: 2}.merge({b: 3}) { |key, old, new| old + new }
# == update
h = {a: 1}
h.update(b: 2)
h
# == keys-values
h = {x: 1, y: 2}
[h.keys, h.values, h.size, h.length]
# == invert
{a: 1, b: 2}.invert
# == key
{a: 1, b: 2}.key(2)
# == dig
{user: {address: {city: "Oslo"}}}.dig(:user, :address, :city)
# == group-by-to-h
%w[apple avocado banana].group_by { |w| w[0] }
# == count-by
%w[a b a].each_with_object(Hash.new(0)) { |w, h| h[w] += 1 }
# == any-all
h = {a: 1, b: 2}
[h.any? { |_, v| v > 1 }, h.all? { |_, v| v > 1 }, h.count { |_, v| v > 0 }]
# == find
{a: 1, b: 2}.find { |_, v| v == 2 }
# == sum-block
{a: 1, b: 2}.sum { |_, v| v }
# == empty
[{}.empty?, {a: 1}.empty?]
# == to-a
{a: 1, b: 2}.to_a
# == equality
[{a: 1, b: 2} == {b: 2, a: 1}, {a: 1}.eql?({a: 1}), {a: 1}.hash == {a: 1}.hash]
# == slice-except
h = {a: 1, b: 2, c: 3}
[h.slice(:a, :c), h.except(:b)]
# == filter-map-keys
{a: nil, b: 2}.compact
# == values-at
{a: 1, b: 2}.values_at(:a, :c)
# == fetch-values
{a: 1, b: 2}.fetch_values(:a, :b)
# == default-value
h = Hash.new(5)
[h[:x], h.size, h.fetch(:x, 6)]
# == nested-default-trap
h = Hash.new([])
h[:a] << 1
[h, h[:b]]
# == string-key-dup
k = +"key"
h = {k => 1}
k << "!"
h.keys
# == array-key
h = {[1, 2] => "pair"}
h[[1, 2]]
# == compare-by-identity
h = {}.compare_by_identity
h["a"] = 1
h["a".dup] = 2
h.size
# == iteration-order
h = {}
h[:z] = 1
h[:a] = 2
h[:m] = 3
h.keys
# == delete-while-each
h = {a: 1, b: 2, c: 3}
h.delete_if { |_, v| v.even? }
h
# == each-with-index
{a: 1, b: 2}.each_with_index.map { |(k, v), i| "#{i}:#{k}:#{v}" }
# == reduce
{a: 1, b: 2, c: 3}.reduce(0) { |sum, (_, v)| sum + v }
# == partition
{a: 1, b: 2, c: 3}.partition { |_, v| v > 1 }
# == to-s
{a: 1, "b" => nil}.to_s
# == nested-inspect
{list: [1, {deep: :yes}], str: "q\"uote"}
# == inventory
stock = {apple: 5, pear: 0, kiwi: 12}
stock.select { |_, q| q.zero? }.keys
# == word-frequency
"the cat and the hat".split.tally.sort_by { |w, n| [-n, w] }.first(2)
# == any-key
{a: 1}.any?
# == hash-from-zip
%w[a b c].zip([1, 2, 3]).to_h
# == hash-sum-prices
cart = {apple: 0.5, pear: 0.75, melon: 2.99}
cart.values.sum.round(2)
# == hash-default-proc-counter
counts = Hash.new { |h, k| h[k] = [] }
%w[ant bee ape].each { |w| counts[w[0]] << w }
counts
# == hash-frozen
h = {a: 1}.freeze
h[:b] = 2
# == hash-key-types
{1 => :int, 1.0 => :float}.size
# == hash-shift
h = {a: 1, b: 2}
[h.shift, h]
# == hash-sort
{b: 1, a: 2}.sort
# == hash-min-by-n
{a: 3, b: 1, c: 2}.min_by(2) { |_, v| v }
# == hash-each-pair
r = []
{x: 1}.each_pair { |k, v| r << [k, v] }
r
# == hash-filter-bang
h = {a: 1, b: 2}
h.filter! { |k, _| k == :a }
h
# == hash-to-a-flatten
{a: 1, b: 2}.flatten
# == hash-key-symbol-vs-string
h = {"a" => 1}
[h[:a], h["a"]]
# == hash-deep-merge
a = {x: {y: 1, z: 2}}
b = {x: {z: 3}}
a.merge(b) { |_, o, n| o.is_a?(Hash) ? o.merge(n) : n }
# == hash-sum-by-group
orders = [{cust: "a", amt: 10}, {cust: "b", amt: 5}, {cust: "a", amt: 7}]
orders.group_by { |o| o[:cust] }.transform_values { |os| os.sum { |o| o[:amt] } }
# == inspect-symbol-quoting
{"my key": 1, "a=": 2, a?: 3, b!: 4, :+ => 5, :@iv => 6, A: 7, "x-y": 8, :[] => 9, _z: 10}
# == inspect-mixed-keys
{1 => :one, nil => [], [1] => {x: {}}, "s" => :"a b"}
# == inspect-recursive
h = {a: 1}
h[:self] = h
h.inspect
# == to-s-nested
{outer: {inner: [1, {deep: true}]}}.to_s
