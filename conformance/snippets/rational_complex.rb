# Rational and Complex numbers.
# == rational-literal
3r / 4
# == rational-new
Rational(6, 8)
# == rational-add
Rational(1, 3) + Rational(1, 6)
# == rational-mul
Rational(2, 3) * 3
# == rational-float
Rational(1, 2) + 0.25
# == rational-to-f
Rational(1, 3).to_f
# == rational-inspect-to-s
[Rational(3, 4).inspect, Rational(3, 4).to_s]
# == rational-parts
r = Rational(-7, 21)
[r.numerator, r.denominator]
# == rational-string
Rational("0.75")
# == rational-compare
[Rational(1, 3) < Rational(1, 2), Rational(2, 4) == Rational(1, 2), Rational(4, 2) == 2]
# == rational-round
[Rational(7, 2).round, Rational(7, 2).floor, Rational(7, 2).ceil, Rational(-7, 2).round]
# == rational-round-digits
Rational(22, 7).round(3)
# == rational-zero-div
Rational(1, 0)
# == rational-pow
Rational(2, 3) ** 3
# == rational-sum
[Rational(1, 2), Rational(1, 3), Rational(1, 6)].sum
# == rational-to-i
Rational(7, 2).to_i
# == integer-to-r
[3.to_r, 0.75.to_r, 0.1.to_r]
# == rational-money
price = Rational("19.99")
(price * 3).to_f
# == rational-abs
Rational(-3, 4).abs
# == rational-zero
Rational(0, 5)
# == quo
[7.quo(2), 6.quo(3)]
# == complex-new
Complex(3, 4)
# == complex-abs
Complex(3, 4).abs
# == complex-add
Complex(1, 2) + Complex(3, -1)
# == complex-mul
Complex(1, 2) * Complex(3, 4)
# == complex-conj
Complex(1, 2).conjugate
# == complex-parts
c = Complex(1.5, -2)
[c.real, c.imaginary, c.rectangular]
# == complex-literal
2 + 3i
# == complex-i-squared
1i * 1i
# == complex-to-s
[Complex(1, 2).to_s, Complex(1, -2).inspect]
# == complex-polar
Complex.polar(1, Math::PI / 2).rectangular.map { |x| x.round(10) }
# == complex-arg
Complex(1, 1).arg
# == complex-equal
[Complex(1, 0) == 1, Complex(1, 2) == Complex(1, 2)]
# == complex-div
Complex(10, 5) / Complex(1, 2)
# == complex-real
[Complex(3, 0).real?, 3.real?, Complex(3, 4).real?]
# == rational-inspect-array
[Rational(1, 2), Rational(3)]
# == rational-float-division
1 / 3r
# == complex-string
Complex("1+2i")
# == rational-coerce
1 + Rational(1, 2)
# == rational-hash
{Rational(1, 2) => :half}[Rational(2, 4)]
# == rational-string-forms
[Rational("-3/4"), Rational("1.5"), Rational("2e3"), Rational(" 1_000 "), Rational("1/3", 2)]
# == rational-string-invalid
Rational("abc")
# == quo-forms
[1.quo(3), -6.quo(4), 7.quo(2.0), 3.quo(Rational(1, 2))]
