# Integers: arithmetic, division and rounding rules, conversions, bits, predicates.
# == add
1 + 2
# == subtract-negative
3 - 10
# == multiply
12 * 12
# == precedence
2 + 3 * 4 - 6 / 2
# == parens
(2 + 3) * (4 - 6)
# == div-floor
7 / 2
# == div-negative-floor
-7 / 2
# == div-negative-divisor
7 / -2
# == modulo
17 % 5
# == modulo-negative
-17 % 5
# == modulo-negative-divisor
17 % -5
# == remainder
-17.remainder(5)
# == divmod
17.divmod(5)
# == divmod-negative
-17.divmod(5)
# == div-method
-7.div(2)
# == fdiv
7.fdiv(2)
# == pow
3 ** 4
# == pow-negative-exponent
2 ** -2
# == pow-zero
0 ** 0
# == abs
-42.abs
# == zero-div
1 / 0
# == zero-mod
5 % 0
# == even-odd
[4.even?, 4.odd?, 7.even?, 7.odd?]
# == zero-positive
[0.zero?, 5.positive?, -5.negative?, 0.positive?]
# == succ-pred
[5.succ, 5.pred, -1.succ]
# == to-s-base
[255.to_s(2), 255.to_s(16), 255.to_s(8), -255.to_s(16)]
# == string-to-i-base
["ff".to_i(16), "1010".to_i(2), "777".to_i(8), "z".to_i(36)]
# == to-i-lenient
["42abc".to_i, "abc".to_i, " 12 ".to_i, "-3".to_i, "1_000".to_i]
# == integer-strict
Integer("42")
# == integer-strict-bad
Integer("42abc")
# == integer-hex-prefix
[Integer("0x1A"), Integer("0b101"), Integer("0o17"), Integer("017")]
# == integer-exception-false
Integer("nope", exception: false)
# == integer-base-arg
Integer("ff", 16)
# == digits
12345.digits
# == digits-base
255.digits(16)
# == gcd-lcm
[12.gcd(18), 12.lcm(18), 7.gcd(0)]
# == gcdlcm
12.gcdlcm(18)
# == pow-mod
3.pow(100, 7)
# == bit-length
[0.bit_length, 1.bit_length, 255.bit_length, 256.bit_length, -1.bit_length]
# == bitwise
[12 & 10, 12 | 10, 12 ^ 10, ~12]
# == shifts
[1 << 10, 1024 >> 3, -16 >> 2, 5 << -1]
# == bit-ref
[5[0], 5[1], 5[2]]
# == times-sum
sum = 0
10.times { |i| sum += i }
sum
# == upto
1.upto(5).to_a
# == downto
5.downto(1).map { |i| i * i }
# == step
1.step(10, 3).to_a
# == integer-sqrt
[Integer.sqrt(24), Integer.sqrt(25), Integer.sqrt(10**10)]
# == round-negative-digits
[1234.round(-2), 1250.round(-2), 1350.round(-2), -1250.round(-2)]
# == floor-ceil-negative-digits
[1234.floor(-2), 1234.ceil(-2), -1234.floor(-2)]
# == round-half-even
[25.round(-1, half: :even), 35.round(-1, half: :even), 25.round(-1, half: :down)]
# == truncate-digits
1299.truncate(-2)
# == chr-ord
[65.chr, "A".ord, 0x3042.chr(Encoding::UTF_8)]
# == comparison
[1 <=> 2, 2 <=> 2, 3 <=> 2, 1 == 1.0, 1.eql?(1.0), 1.equal?(1)]
# == between-clamp
[5.between?(1, 10), 15.clamp(1, 10), -3.clamp(0, 100)]
# == coerce-float
1 + 2.5
# == coerce-back
2.5.coerce(1)
# == integer-class
[1.class, (2**62).class, 1.is_a?(Numeric), 1.integer?, 1.0.integer?]
# == to-f-to-r
[3.to_f, 3.to_r, 3.to_c]
# == numeric-predicates
[3.finite?, 3.infinite?, 0.nonzero?, 3.nonzero?]
# == ceil-div-trick
items = 23
per_page = 5
(items + per_page - 1) / per_page
# == factorial
(1..10).reduce(:*)
# == fib-iterative
a, b = 0, 1
30.times { a, b = b, a + b }
a
# == collatz
n = 27
steps = 0
until n == 1
  n = n.even? ? n / 2 : 3 * n + 1
  steps += 1
end
steps
# == prime-sieve
limit = 50
sieve = Array.new(limit + 1, true)
sieve[0] = sieve[1] = false
(2..Math.sqrt(limit)).each { |i| (i * i).step(limit, i) { |j| sieve[j] = false } if sieve[i] }
sieve.each_index.select { |i| sieve[i] }
# == digit-sum
1234567.to_s.chars.map(&:to_i).sum
# == leap-years
(1896..1912).select { |y| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
# == hash-equal
[1.hash == 1.hash, 1.eql?(1), {1 => :a}[1]]
# == inspect-negative
[-0, -1, +5].inspect
# == underscore-literal
1_000_000 + 0b1111 + 0o17 + 0xff
# == allbits
[0b1010.allbits?(0b1000), 0b1010.anybits?(0b0101), 0b1010.nobits?(0b0101)]
# == ceildiv
7.ceildiv(2)
# == integer-times-enum
3.times.map { |i| i * 10 }
# == modulo-float
7 % 2.5
# == integer-to-s-padding
42.to_s.rjust(6, "0")
# == pow-mod-negative
[3.pow(4, -5), (-3).pow(3, 5), 2.pow(0, 1)]
# == digits-negative
-5.digits
# == bit-length-negative
[-256.bit_length, -257.bit_length, (2**40).bit_length]
# == lcm-zero
[0.lcm(5), -4.lcm(6), -12.gcd(-18)]
# == integer-sqrt-negative
Integer.sqrt(-1)
# == integer-parse-options
[Integer("0x1f", exception: false), Integer("12", 8), Integer(nil, exception: false)]
# == round-negative-digits-edge
[5.round(-3), 500.round(-3), -500.round(-3), 1500.round(-3, half: :even), 2500.round(-3, half: :even), 15.round(-1, half: :down)]
# == ceil-floor-truncate-negative
[-1234.ceil(-2), 1201.ceil(-2), -1299.truncate(-2), 1299.truncate(-2), 99.floor(-2), 7.floor(1)]
# == pow-negative-exponent-more
[(-2) ** -3, 10 ** -1, 1 ** -5]
# == zero-pow-negative
0 ** -1
