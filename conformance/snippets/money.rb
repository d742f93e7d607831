# Money and spreadsheet maths: rounding modes, cents, splits, percentages.
# == round-half-even
[2.5.round(half: :even), 3.5.round(half: :even), (-2.5).round(half: :even), 2.5.round(half: :up), 2.5.round(half: :down)]
# == round-digits
[1.23456.round(2), 1.235.round(2), 2.675.round(2), 1.005.round(2), 0.5.round, 1.5.round, -1.5.round]
# == floor-ceil-digits
[1.239.floor(2), 1.231.ceil(2), -1.239.floor(2), -1.231.ceil(2), 1234.5678.floor(-2), 1234.5678.ceil(-1)]
# == integer-ceil-negative
[1234.ceil(-1), 1234.ceil(-2), 1234.floor(-2), -1234.floor(-2), 1250.round(-2), 1350.round(-2, half: :even)]
# == truncate-digits
[1.999.truncate(2), -1.999.truncate(2), 12345.truncate(-2)]
# == divmod-negative
[7.divmod(2), -7.divmod(2), 7.divmod(-2), 7.5.divmod(2), -7.5.divmod(2)]
# == modulo-remainder
[-7 % 3, -7.remainder(3), 7.0 % -3, 5.fdiv(2), 1.fdiv(3)]
# == cents-split
total = 10000
n = 3
base, extra = total.divmod(n)
Array.new(n) { |i| base + (i < extra ? 1 : 0) }
# == integer-sqrt
[Integer.sqrt(24), Integer.sqrt(25), Integer.sqrt(10**20), Math.sqrt(2).round(6)]
# == digits-sum
[1234.digits, 1234.digits.sum, 255.digits(16), 0.digits]
# == percent-format
rate = 0.0725
price = 19.99
tax = (price * rate).round(2)
[tax, (price + tax).round(2), format("%.2f", price + tax), format("%.1f%%", rate * 100)]
# == currency-format
def money(cents)
  sign = cents < 0 ? "-" : ""
  d, c = cents.abs.divmod(100)
  "#{sign}$#{d.to_s.reverse.scan(/\d{1,3}/).join(",").reverse}.#{format('%02d', c)}"
end
[money(123456789), money(-5), money(100000)]
# == thousands-gsub
1234567.89.round(2).to_s.gsub(/\B(?=(\d{3})+(?!\d))/, ",")
# == float-sum-precision
[[0.1] * 10, [0.1, 0.2, 0.3].sum, [0.1, 0.2, 0.3].inject(:+), 0.1 * 3]
# == float-to-s-forms
[1.0, 100.0, 1e20, 1e16, 1.5e-5, 0.0001, 123456789.123456789, -0.0, 2.0**62]
# == float-rounding-display
[3.14159.round(3).to_s, 10.0.round(2).to_s, 1e-10.round(5), 12.345.round(1)]
# == rational-money
r = Rational(1, 3) + Rational(1, 6)
[r, r.to_f, (Rational(1999, 100) * 3).to_f, Rational("0.1") * 3 == Rational(3, 10)]
# == rational-round
[Rational(5, 2).round, Rational(7, 3).round(2), Rational(-5, 2).round, Rational(5, 2).round(half: :even)]
# == integer-division-float
[7 / 2, 7 / 2.0, 7.0 / 2, -7 / 2, 7.div(2.0), 2**-1]
# == pow-mod
[2.pow(10), 2.pow(100, 1000), 10**-2, 4**0.5]
# == interest-compound
principal = 1000.0
rate = 0.05
(1..3).map { |y| (principal * (1 + rate)**y).round(2) }
# == loan-payment
p = 200_000.0
r = 0.04 / 12
n = 360
(p * r / (1 - (1 + r)**-n)).round(2)
# == float-comparison-epsilon
[(0.1 + 0.2 - 0.3).abs < Float::EPSILON, 0.1 + 0.2 == 0.3, (0.1 + 0.2).round(10) == 0.3]
# == int-float-conversion
[3.7.to_i, -3.7.to_i, 3.7.floor, -3.7.ceil, "12.50".to_f, "abc".to_f, "1_000".to_i, (Integer("0x1A", 16) rescue $!.class)]
# == integer-parse-errors
[Integer("42"), (Integer("4.2") rescue $!.message), Float("1e3"), (Float("") rescue $!.message)]
# == to-i-base
["ff".to_i(16), "1010".to_i(2), 255.to_s(2), 255.to_s(16), "z".to_i(36)]
# == minmax-clamp
[15.clamp(0, 10), -5.clamp(0, 10), 5.5.clamp(1, 3), [3, 1, 2].minmax]
# == sum-of-prices
items = [{ price: 9.99, qty: 2 }, { price: 0.01, qty: 100 }, { price: 5.0, qty: 1 }]
items.sum { |i| i[:price] * i[:qty] }.round(2)
# == average
scores = [88, 92, 79, 95]
[scores.sum / scores.size, scores.sum.fdiv(scores.size), (scores.sum.to_f / scores.size).round(1)]
# == median
def median(a)
  s = a.sort
  m = s.size / 2
  s.size.even? ? (s[m - 1] + s[m]) / 2.0 : s[m]
end
[median([3, 1, 2]), median([4, 1, 3, 2])]
# == percentage-change
old, new = 80, 100
[((new - old).fdiv(old) * 100).round(1), ((old - new) * 100.0 / new).round(2)]
# == float-floor-negative-digits
[15.75.floor(-1), 15.75.ceil(-1), 0.0.round(2), -0.004.round(2)]
# == integer-round-half
[25.round(-1), 35.round(-1, half: :even), 25.round(-1, half: :down), (-25).round(-1)]
# == float-infinite
[1.0 / 0, -1.0 / 0, (0.0 / 0.0).nan?, (1.0 / 0).infinite?, 1.0.finite?]
# == integer-zero-division
1 / 0
# == float-to-r
[0.5.to_r, 0.75.rationalize, 1.5.to_r + 1]
# == integer-gcd-lcm
[12.gcd(18), 12.lcm(18), 12.gcdlcm(18)]
# == numeric-predicates
[0.zero?, 5.positive?, -5.negative?, 4.2.integer?, 4.integer?, 3.0 == 3]
# == float-round-big
[123456.789.round(-2), 123456.789.round(-2).class, 1.5.round.class, 1.5.round(1).class]
# == bmi
w, h = 70, 1.75
(w / h**2).round(1)
# == tip-split
bill = 87.45
tip = (bill * 0.18).round(2)
per = ((bill + tip) / 4).ceil(2)
[tip, per]
# == number-to-human
def human(n)
  units = %w[B KB MB GB]
  i = 0
  f = n.to_f
  while f >= 1024 && i < units.size - 1
    f /= 1024
    i += 1
  end
  "#{f.round(1)} #{units[i]}"
end
[human(500), human(2048), human(5_000_000)]
# == step-float
1.0.step(2.0, 0.25).to_a
# == integer-times-upto
[3.times.to_a, 1.upto(4).select(&:even?), 10.downto(7).to_a]
# == coerce-mixed
[1 + 2.0, 2 * Rational(1, 2), 1.0 + Rational(1, 2), 3 - 1r]
