# Integers past 64 bits and around the machine ranges: 2**30, 2**31, 2**53, 2**62, 2**63, 2**64.
# == pow-64
2 ** 64
# == pow-100
2 ** 100
# == factorial-30
(1..30).inject(:*)
# == factorial-25-digits
(1..25).inject(:*).to_s.size
# == mul-overflow
9_223_372_036_854_775_807 + 1
# == min-minus-one
-9_223_372_036_854_775_808 - 1
# == square-big
(2**40) * (2**40)
# == big-div
(10**30) / 7
# == big-mod
(10**30) % 7
# == big-compare
[10**20 > 10**19, 2**64 == 2**64, 2**64 < 2**65]
# == big-to-s-hex
(2**70).to_s(16)
# == big-parse
"123456789012345678901234567890".to_i + 1
# == big-negative
-(2**80)
# == big-abs
(-(2**70)).abs
# == big-even
[(2**70).even?, (2**70 + 1).odd?]
# == big-to-f
(2**70).to_f
# == big-float-to-i
1e20.to_i
# == big-float-to-i-2
1.5e25.to_i
# == big-class
(2**100).class
# == big-coerce-float
2**64 + 0.5
# == big-sum
[2**62, 2**62, 2**62].sum
# == big-bit-length
(2**100).bit_length
# == big-shift
1 << 100
# == big-and
(2**70 + 5) & 0xff
# == big-digits-sum
(2**100).digits.sum
# == big-gcd
(2**80).gcd(6**40)
# == big-pow-mod
(2**100).pow(3, 1_000_007)
# == int32-boundary
[2**31 - 1, 2**31, -(2**31), 2**31 * 2]
# == int30-compare
1_704_067_200 == 1_704_067_200
# == int30-gt
10**10 > 10**9
# == int30-include
ts = 1_704_067_200
[ts].include?(ts)
# == int-hash-big
(2**40).hash == (2**40).hash
# == cents-compare
price_cents = 1_500_000_000
price_cents > 1_073_741_823
# == timestamps-sort
[1_700_000_300, 1_700_000_100, 1_700_000_200].sort
# == timestamps-max
[1_700_000_300, 1_700_000_100, 1_700_000_200].max
# == big-dup
(2**40).dup
# == int53
2**53 + 1
# == int62-arith
(2**62 - 1) * 2 + 1
# == int63-max
2**63 - 1
# == big-range-sum
(1..10**6).sum
# == big-divmod
(2**100).divmod(3**40)
# == big-sqrt
Integer.sqrt(2**100)
# == big-inspect-array
[2**64, -(2**64)].inspect
# == big-hash-key
h = {2**64 => "big"}
h[2**64]
# == big-eql
(2**64).eql?(2**64)
# == big-fdiv
(10**30).fdiv(10**28)
# == big-round
(123456789 * 10**20).round(-25)
# == big-string-mul
("9" * 30).to_i + 1
# == fib-100
a, b = 0, 1
100.times { a, b = b, a + b }
a
# == ms-timestamp-sum
[1_700_000_000_000, 1_700_000_000_500].sum
