# Floats: literals, printing, rounding (money-style too), special values, conversions.
# == add-classic
0.1 + 0.2
# == equal-classic
0.1 + 0.2 == 0.3
# == literal-03
0.3
# == literal-2675
2.675
# == literal-1e23
1e23
# == pi
Math::PI
# == e
Math::E
# == third
1.0 / 3
# == two-thirds
2.0 / 3
# == big-float
9999999999999998.0
# == big-float-to-s
9999999999999998.0.to_s
# == small-float
0.000123
# == tiny-float
1.0e-10
# == exponent-threshold
[1e15, 1e16, 123456789012345.6, 1234567890123456.7]
# == negative-zero
-0.0
# == nan
0.0 / 0.0
# == infinity
[1.0 / 0, -1.0 / 0]
# == nan-equal
n = Float::NAN
n == n
# == float-constants
[Float::INFINITY > 10**100, Float::EPSILON < 1e-15, Float::MAX > 1e308, Float::DIG]
# == round-2
3.14159.round(2)
# == round-half
[0.5.round, 1.5.round, 2.5.round, -2.5.round]
# == round-half-even
[2.5.round(half: :even), 3.5.round(half: :even), 2.5.round(half: :down)]
# == round-money-2675
2.675.round(2)
# == round-money-1005
1.005.round(2)
# == round-money-sum
(19.99 + 5.01).round(2)
# == round-money-tax
(100 * 1.0825).round(2)
# == floor-ceil
[3.7.floor, 3.2.ceil, -3.7.floor, -3.2.ceil]
# == floor-digits
[3.14159.floor(2), 3.14159.ceil(2), -3.14159.floor(1)]
# == round-negative-digits
[1234.567.round(-2), 1234.567.round(-1)]
# == truncate
[3.99.truncate, -3.99.truncate, 3.99.to_i]
# == divmod
[7.5.divmod(2), -7.5.divmod(2)]
# == modulo
[7.5 % 2, -7.5 % 2]
# == to-s-integer-valued
[1.0, 100.0, 1e2, 2.0 * 3]
# == to-s-simple
[1.5.to_s, 2.25.to_s, 0.1.to_s]
# == float-from-string
["3.14".to_f, "1e3".to_f, "abc".to_f, "1.5xyz".to_f, ".5".to_f]
# == float-strict
Float("3.5")
# == float-strict-bad
Float("3.5abc")
# == float-exception-false
Float("x", exception: false)
# == float-comparisons
[1.0 < 2, 2.0 == 2, 2.0.eql?(2), 0.1 * 3 == 0.3]
# == float-abs-neg
[-3.5.abs, 3.5.-@]
# == nan-predicates
[(0.0 / 0.0).nan?, 1.0.nan?, (1.0 / 0).infinite?, 1.0.finite?]
# == sum-array
[0.1, 0.2, 0.3].sum
# == sum-compensated
[1e100, 1.0, -1e100].sum
# == sum-many
([0.1] * 10).sum
# == inject-sum
[0.1, 0.2, 0.3].inject(:+)
# == average
scores = [88.5, 92.25, 79.0]
(scores.sum / scores.size).round(2)
# == percentage
(37.0 / 120 * 100).round(1)
# == rationalize
0.333.rationalize(Rational(1, 100))
# == to-r
0.5.to_r
# == float-dup
1.5.dup
# == float-clone
1.5.clone
# == next-float
1.0.next_float > 1.0
# == multiplication
[1.1 * 3, 3.3 / 1.1, 0.7 + 0.1]
# == pow-float
[2 ** 0.5, 10.0 ** -2, 4 ** 0.5]
# == large-product
1.23456789e200 * 1e100
# == money-discount
price = 49.99
discount = 0.15
(price * (1 - discount)).round(2)
# == money-split
total = 100.0
(total / 3).round(2)
# == money-cents
(19.99 * 100).round
# == money-cents-to-i
(19.99 * 100).to_i
# == money-vat-list
[9.99, 24.5, 0.99].map { |p| (p * 1.2).round(2) }
# == compound-interest
(1000 * (1 + 0.05 / 12) ** 120).round(2)
# == celsius
[-40, 0, 37, 100].map { |c| c * 9.0 / 5 + 32 }
# == bmi
(70 / (1.75 ** 2)).round(1)
# == float-step
1.0.step(2.0, 0.25).to_a
# == float-range-step
(0.0..1.0).step(0.1).map { |x| x.round(1) }
# == integer-float-mix
[10 / 4, 10 / 4.0, 10.0.to_i / 4]
# == scientific
[1.5e-7, 2.0e+20, 6.02214076e23]
# == float-hash-key
{1.0 => :a}[1]
# == float-inspect-array
[1.0, -2.5, 3.14, 1e-5, 1e20, 1e-4]
# == float-to-i-negative
[-0.5.to_i, -0.5.round, -1.5.round]
# == float-eql-zero
[0.0 == -0.0, 0.0.eql?(-0.0)]
# == float-max
[1.5, 2.5, 0.5].max
# == float-sort
[3.2, -1.0, 2.5, 0.0].sort
# == float-minmax
[0.1, 0.3, 0.2].minmax
