# Math and numeric helpers.
# == sqrt
[Math.sqrt(16), Math.sqrt(2), Math.cbrt(27)]
# == sqrt-negative
Math.sqrt(-1)
# == trig
[Math.sin(0), Math.cos(0), Math.tan(Math::PI / 4).round(10)]
# == trig-inverse
[Math.asin(1), Math.acos(1), Math.atan(1), Math.atan2(1, 1)]
# == log
[Math.log(Math::E), Math.log10(1000), Math.log2(8), Math.log(8, 2)]
# == log-zero
Math.log(0)
# == exp
[Math.exp(0), Math.exp(1), Math.exp(2).round(6)]
# == pow-vs-exp
(Math.exp(Math.log(2) * 10)).round
# == hypot
Math.hypot(3, 4)
# == hyperbolic
[Math.sinh(0), Math.cosh(0), Math.tanh(0)]
# == erf-gamma
[Math.erf(0), Math.gamma(5), Math.lgamma(3)]
# == gamma-non-integer
Math.gamma(0.5)
# == pi-area
r = 2.5
(Math::PI * r**2).round(4)
# == degrees
deg = 30
Math.sin(deg * Math::PI / 180)
# == distance
x1, y1, x2, y2 = 0, 0, 3, 4
Math.sqrt((x2 - x1)**2 + (y2 - y1)**2)
# == haversine
lat1, lon1, lat2, lon2 = [51.5074, -0.1278, 48.8566, 2.3522].map { |d| d * Math::PI / 180 }
a = Math.sin((lat2 - lat1) / 2)**2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin((lon2 - lon1) / 2)**2
(6371 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a))).round(1)
# == quadratic
a, b, c = 1, -3, 2
d = b**2 - 4 * a * c
[(-b + Math.sqrt(d)) / (2 * a), (-b - Math.sqrt(d)) / (2 * a)]
# == sqrt-integer
Math.sqrt(10**20)
# == log-big
Math.log(10**100).round(6)
# == math-string-arg
Math.sqrt("4")
# == math-nil-arg
Math.sqrt(nil)
# == math-constants
[Math::PI.round(5), Math::E.round(5)]
# == float-pow-negative
(-8) ** (1.0 / 3)
# == integer-pow-fraction
4 ** 0.5
# == ldexp-frexp
[Math.ldexp(0.5, 3), Math.frexp(8.0)]
# == abs-round-chain
(-3.14159).abs.round(3)
# == compound-growth
(1.07 ** 10).round(4)
# == sigmoid
(1 / (1 + Math.exp(-0.5))).round(6)
# == geometric-mean
xs = [2, 8, 4]
(xs.reduce(:*) ** (1.0 / xs.size)).round(6)
# == include-math
include Math
sqrt(49)
# == math-module-function
Math.respond_to?(:sqrt)
# == random-range
r = Random.new(42)
x = r.rand(1..6)
(1..6).include?(x)
# == rand-float
x = rand
x >= 0 && x < 1
# == shuffle-seeded-length
[1, 2, 3, 4].shuffle(random: Random.new(1)).sort
# == integer-rand-bound
Array.new(100) { rand(10) }.all? { |x| (0...10).include?(x) }
# == fdiv-zero
[1.fdiv(0), -1.fdiv(0), 0.fdiv(0).nan?]
# == divmod-float
13.5.divmod(4)
