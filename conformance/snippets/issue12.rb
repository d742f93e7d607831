# Every example named in issue 12, as written there.
# == int-compare-timestamp
1_704_067_200 == 1_704_067_200
# == int-compare-pow
10**10 > 10**9
# == int-include-timestamp
ts = 1_704_067_200
[ts].include?(ts)
# == string-hash
"abc".hash == "abc".dup.hash
# == cents-above-2-30
price = 1_073_741_824
[price == 1_073_741_824, price > 1_073_741_823, [price].include?(1_073_741_824)]
# == float-dup
1.5.dup
# == float-clone
1.5.clone
# == big-dup
(2**40).dup
# == float-literal-03
0.3
# == float-literal-2675
2.675
# == float-literal-1e23
1e23
# == float-sum-equal
0.1 + 0.2 == 0.3
# == pi-inspect
Math::PI
# == float-to-s-big
9999999999999998.0.to_s
# == format-pad-neg
format("%06.2f", -1.5)
# == format-0125
format("%.2f", 0.125)
# == round-neg-digits
1234.round(-2)
# == div-negative
-7.div(2)
# == pow-64
2**64
# == factorial-30
(1..30).inject(:*)
# == float-to-i-big
1e20.to_i
# == case-in
case [1, 2]
in [a, b] then a + b
end
# == defined
[defined?(String), defined?(@x), defined?(zzz)]
# == dollar-bang-reraise
begin
  begin
    raise ArgumentError, "kept"
  rescue
    raise
  end
rescue => e
  [e.class, e.message]
end
# == dollar-bang
begin
  raise "x"
rescue
  $!
end
# == private-enforced
class K
  private
  def hidden = 1
end
begin
  K.new.hidden
  :called
rescue NoMethodError
  :private
end
# == protected-enforced
class K
  protected def prot = 1
end
begin
  K.new.prot
  :called
rescue NoMethodError
  :protected
end
# == integer-even-odd
[4.even?, 3.odd?]
# == integer-pow-mod
2.pow(10, 1000)
# == integer-digits
1234.digits
# == integer-gcd
12.gcd(8)
# == string-b
"é".b.bytesize
# == force-encoding
"é".dup.force_encoding("BINARY").length
# == string-encoding
"x".encoding.to_s
# == set
require "set"
s = Set[1, 2, 2, 3]
[s.size, s.include?(2), s.to_a.sort]
# == json-generate
require "json"
JSON.generate({"a" => [1, 2.5, nil, true], "b" => "x"})
# == json-parse
require "json"
JSON.parse('{"a": [1, 2.5, null, true], "b": "x"}')
# == strftime
Time.utc(2024, 1, 2, 3, 4, 5).strftime("%Y-%m-%d %H:%M:%S")
# == struct-keyword-init
S = Struct.new(:a, :b, keyword_init: true)
S.new(a: 1, b: 2).to_a
# == range-step
(1..10).step(3).to_a
# == range-percent
((1..10) % 3).to_a
# == exception-cause
begin
  begin
    raise "a"
  rescue
    raise "b"
  end
rescue => e
  e.cause.message
end
# == exception-full-message
RuntimeError.new("boom").full_message.include?("boom")
# == slice-when
[1, 2, 4, 5, 7].slice_when { |a, b| b != a + 1 }.to_a
# == chunk-while
[1, 2, 4, 5, 7].chunk_while { |a, b| b == a + 1 }.to_a
# == compare-by-identity
h = {}.compare_by_identity
h["a"] = 1
h["a"] = 2
h.size
# == public-send
"abc".public_send(:upcase)
# == integer-exception-false
Integer("x", exception: false)
# == pp
pp [1, 2]
# == require-unknown
require "socket"
# == regexp-w-unicode
"Crème".gsub(/\W+/, "-")
# == named-capture-order
/(?<a>.)(?<b>.)/.match("xy").named_captures
# == regexp-inspect-slash
/a\/b/
# == dollar1-in-grep
%w[a1 b2].grep(/(\d)/) { $1 }
# == sum-compensated
[1e100, 1.0, -1e100].sum
# == downcase-unicode
"École".downcase
# == tr-unicode
"héllo".tr("é", "e")
# == hash-inspect
{a: 1, "b" => 2}
# == error-message-form
class Foo; end
begin
  Foo.new.x
rescue NoMethodError => e
  e.message
end
# == string-plus-minus-at
s = "lit"
[(+s).frozen?, (-s).frozen?]
# == float-parse-exception-false
Float("1.5x", exception: false)
# == require-set-returns
require "set"
# == require-json-twice
require "json"
require "json"
