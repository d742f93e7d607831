# Enumerators, external iteration and lazy enumerators.
# == each-without-block
[1, 2, 3].each.class
# == next
e = [1, 2, 3].each
[e.next, e.next, e.next]
# == stop-iteration
e = [1].each
e.next
e.next
# == loop-stops
e = [1, 2].each
r = []
loop { r << e.next }
r
# == peek-rewind
e = %w[a b].each
a = e.peek
b = e.next
e.rewind
[a, b, e.next]
# == with-index
%w[a b c].each.with_index(1).map { |x, i| "#{i}:#{x}" }
# == with-object
[1, 2].each.with_object([]).each { |x, acc| acc << x * 2 }
# == map-with-index
%w[x y].map.with_index { |s, i| s * (i + 1) }
# == enumerator-new
fib = Enumerator.new do |y|
  a, b = 0, 1
  loop do
    y << a
    a, b = b, a + b
  end
end
fib.take(10)
# == enumerator-new-yield
e = Enumerator.new { |y| y.yield 1; y.yield 2, 3 }
e.to_a
# == enumerator-size
[[1, 2, 3].each.size, (1..10).each_slice(3).size, loop.size]
# == lazy-map-select
(1..Float::INFINITY).lazy.map { |x| x * 2 }.select { |x| x % 3 == 0 }.first(3)
# == lazy-take-while
(1..).lazy.map { |x| x * x }.take_while { |x| x < 50 }.to_a
# == lazy-force
(1..3).lazy.map { |x| x + 1 }.force
# == lazy-filter-map
(1..).lazy.filter_map { |x| x * 2 if x.even? }.first(2)
# == lazy-eager
(1..3).lazy.map { |x| x * 2 }.eager.class
# == lazy-uniq
[1, 1, 2, 3, 3].lazy.uniq.to_a
# == chain
([1, 2].each + [3]).to_a
# == chain-method
[1].chain([2, 3], 4..5).to_a
# == each-entry-enum
(1..3).each_entry.to_a
# == produce
Enumerator.produce(1) { |x| x * 2 }.take(5)
# == to-enum
def countdown(n)
  return to_enum(:countdown, n) unless block_given?
  n.downto(1) { |i| yield i }
end
countdown(3).to_a
# == enum-for-size
[4, 5].enum_for(:each_with_index).to_a
# == cycle
[1, 2].cycle.take(5)
# == generator-external
gen = Enumerator.new { |y| 3.times { |i| y << i * 10 } }
[gen.next, gen.next, gen.next]
# == each-slice-enum
(1..6).each_slice(2).map(&:sum)
# == zip-enumerators
[1, 2, 3].each.zip([4, 5, 6].each)
# == times-enum
5.times.select(&:odd?)
# == string-each-char-enum
"abc".each_char.with_index.to_a
# == enum-inspect
[1, 2].each.inspect
# == lazy-inspect
(1..3).lazy.map { _1 }.class
# == next-values
e = [[1, 2], 3].each
e.next_values
# == external-stop-result
e = [1, 2].each
e.next
e.next
begin
  e.next
rescue StopIteration => ex
  ex.result
end
# == lazy-chunk-while
(1..10).lazy.select(&:odd?).map { _1 * 3 }.first(4)
# == numbered-params
[1, 2, 3].map { _1 * 10 }
# == it-param
[1, 2, 3].map { it + 1 }
# == step-enum
1.step(by: 2, to: 9).to_a
# == each-char-lazy
"hello".each_char.lazy.map(&:upcase).first(2)
# == enum-with-index-hash
{a: 1}.each.with_index.to_a
# == sum-of-enum
[1, 2, 3].each.sum
# == take-on-infinite
(1..Float::INFINITY).each.take(3)
# == it-pairs-and-nesting
pairs = %w[a b].each_with_index.map { it }
nested = [[1, 2], [3]].map { it.map { it * 10 } }
[pairs, nested, [3, 1, 2].sort_by { -it }]
