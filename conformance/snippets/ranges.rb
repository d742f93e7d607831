# Ranges.
# == to-a
[(1..5).to_a, (1...5).to_a, ("a".."e").to_a]
# == include
[(1..10).include?(5), (1...10).include?(10), (1.0..2.0).include?(1.5), ("a".."z").include?("m")]
# == cover
[(1..10).cover?(3..4), ("a".."z").cover?("mm")]
# == size-count
[(1..10).size, (1...10).size, (1..10).count, (1..0).size]
# == sum
[(1..100).sum, (1...1).sum, (1..10).sum { |x| x * 2 }]
# == step
(0..20).step(5).to_a
# == step-percent
((0..20) % 5).to_a
# == each-slice
(1..10).each_slice(4).map(&:sum)
# == reverse-each
(1..4).reverse_each.to_a
# == endless
(1..).first(3)
# == beginless-include
(..5).include?(3)
# == endless-case
age = 70
case age
when ...13 then :child
when 13...65 then :adult
when 65.. then :senior
end
# == inspect
[(1..5), (1...5), ("a".."c"), (1..), (..5), (1.5..2.5)]
# == to-s
(1..5).to_s
# == min-max
[(1..10).min, (1..10).max, (1...10).max, (1..10).minmax]
# == first-last
[(1..10).first, (1..10).first(3), (1..10).last, (1..10).last(3)]
# == equality
[(1..5) == (1..5), (1..5) == (1...6), (1..5).eql?(1..5), (1..5).hash == (1..5).hash]
# == exclude-end
[(1..5).exclude_end?, (1...5).exclude_end?]
# == map
(1..5).map { |x| x * x }
# == select
(1..20).select { |x| x % 7 == 0 }
# == float-step
1.0.step(2.0, 0.5).to_a
# == range-float-step
(1.0..2.0).step(0.5).to_a
# == array-slice-range
a = %w[a b c d e]
[a[1..3], a[1...-1], a[-2..], a[..1]]
# == string-slice-range
"hello world"[0..4]
# == clamp-range
[15.clamp(1..10), -5.clamp(..0)]
# == each-with-index
(10..12).each_with_index.to_a
# == range-of-dates-like
(20240101..20240105).map { |d| d % 100 }
# == overlap
[(1..5).overlap?(5..8), (1...5).overlap?(5..8)]
# == char-range-step
("a".."k").step(3).to_a
# == sum-large
(1..1_000_000).sum
# == grades
score = 83
case score
when 90..100 then "A"
when 80...90 then "B"
when 70...80 then "C"
else "F"
end
# == range-new
Range.new(1, 3, true).to_a
# == range-empty
[(5..1).to_a, (5..1).each.to_a]
# == range-zip-index
("a".."c").zip(1..3)
# == range-sum-float
(1..4).sum(0.0) / 4
# == range-to-a-endless
(1..).to_a
# == range-bsearch
(0..100).bsearch { |x| x * x >= 50 }
# == range-count-block
(1..100).count { |x| x % 3 == 0 }
# == range-percent-array
((1..10) % 3).to_a
# == range-include-string
("aa".."zz").include?("bb")
# == range-frozen
(1..2).frozen?
# == range-step-float-size
(0.0..1.0).step(0.25).size
# == range-reduce
(1..5).reduce(:*)
# == range-tally-mod
(1..10).map { |x| x % 3 }.tally
# == step-float-exclusive
(0.0...1.0).step(0.25).to_a
# == step-negative-error
(1..10).step(-1).to_a
# == step-size-int
[(1..10).step(3).size, (1...10).step(3).size, (1...11).step(5).size]
# == step-float-drift
(1.0..2.0).step(0.1).to_a.last(3)
# == empty-integer-ranges
[(3..1).to_a, (3...3).to_a, (-1..-5).entries, (1..1).to_a]
