# Control flow: conditionals, loops, case/when, catch/throw, fibers, output.
# == if-elsif
def grade(n)
  if n >= 90 then "A"
  elsif n >= 80 then "B"
  else "C"
  end
end
[grade(95), grade(85), grade(10)]
# == unless-modifier
x = 5
r = []
r << :small unless x > 10
r << :pos if x.positive?
r
# == ternary-chain
n = 0
n > 0 ? :pos : n < 0 ? :neg : :zero
# == case-when-multiple
def kind(c)
  case c
  when "a", "e", "i", "o", "u" then :vowel
  when "a".."z" then :consonant
  else :other
  end
end
%w[a b 1].map { |c| kind(c) }
# == case-class
[1, "s", 2.0, nil].map do |v|
  case v
  when Integer then :i
  when String then :s
  when Float then :f
  when nil then :n
  end
end
# == case-lambda
case 15
when ->(n) { n % 15 == 0 } then "FizzBuzz"
end
# == fizzbuzz
(1..15).map { |i| i % 15 == 0 ? "FizzBuzz" : i % 3 == 0 ? "Fizz" : i % 5 == 0 ? "Buzz" : i }
# == while
i = 0
s = 0
while i < 10
  i += 1
  next if i.odd?
  s += i
end
s
# == until
n = 1
n *= 2 until n > 100
n
# == loop-break-value
i = 0
loop do
  i += 1
  break i * 10 if i == 4
end
# == begin-while
i = 10
begin
  i += 1
end while i < 5
i
# == for-loop
r = []
for a, b in [[1, 2], [3, 4]]
  r << a * b
end
[r, a]
# == redo-free-next
(1..5).each_with_object([]) { |i, acc| next if i == 3; acc << i }
# == nested-break
res = [[1, 2], [3, 4]].each do |row|
  break row if row.sum > 5
end
res
# == and-or-not
a = nil
b = a || "default"
c = b && b.upcase
[b, c, !a, (not true)]
# == safe-navigation
user = nil
[user&.name, "x"&.upcase]
# == or-assign
h = {}
h[:k] ||= []
h[:k] << 1
h[:k] ||= [:never]
h
# == multiple-assignment-swap
a, b = 1, 2
a, b = b, a
[a, b]
# == catch-throw
r = catch(:done) do
  10.times { |i| throw :done, i if i * i > 20 }
  :never
end
r
# == catch-rescue-exception
result = catch(:foo) do
  3.times do
    begin
      throw :foo, :thrown
    rescue Exception
      :rescued
    end
  end
  :fell_through
end
result
# == fiber-basic
f = Fiber.new do
  Fiber.yield 1
  Fiber.yield 2
  3
end
[f.resume, f.resume, f.resume]
# == fiber-dead
f = Fiber.new { 1 }
f.resume
f.resume
# == fiber-pass-values
f = Fiber.new do |x|
  y = Fiber.yield x * 2
  y + 1
end
[f.resume(5), f.resume(10)]
# == fiber-alive
f = Fiber.new { Fiber.yield; :done }
a = f.alive?
f.resume
f.resume
[a, f.alive?]
# == puts-variants
puts 1, [2, [3]], nil
print "a", "b\n"
p :sym, "str"
$stdout.puts "out"
$stdout.print "x"
$stdout.write("y\n")
:done
# == p-return
p(1, 2)
# == p-single
x = p("s")
x
# == pp
pp({a: 1})
# == puts-return
puts("hi")
# == puts-array-empty
puts []
:ok
# == print-nil
print nil, 1, "\n"
# == inspect-vs-to-s-output
puts :sym, 1.0, nil.inspect, "q\"uote"
# == string-io-like
out = +""
3.times { |i| out << "line #{i}\n" }
puts out
out.lines.size
# == stdout-sync
$stdout.sync = true
$stdout << "chained " << 1 << "\n"
nil
# == at-exit-free-begin-end
x = begin
  42
end
x
# == conditional-assignment-in-if
if (m = "abc".index("b"))
  m
end
# == flip-flop-free-range-loop
(1..10).select { |i| i >= 3 && i <= 5 }
# == exit-blocked
exit
# == sleep-blocked
sleep(0)
:slept
# == object-space
defined?(ObjectSpace)
# == global-special-vars
[$0.class, $;.inspect, $,.inspect]
# == __method__
def who = __method__
who
# == numbered-loop-times
3.times.map { |i| "#{i}!" }
# == integer-loop-step-down
10.step(1, -3).to_a
# == begin-end-until
i = 0
i += 1 until i >= 3
i
# == return-multiple
def mm = return 1, 2
mm
# == implicit-return-if
def f(x) = (x > 1 ? :big : nil)
[f(5), f(0)]
# == next-in-map-with-value
[1, 2, 3].map { |x| next x * 100 if x.odd?; x }
# == deeply-nested-blocks
(1..3).flat_map { |a| (1..3).filter_map { |b| [a, b] if a < b } }
# == begin-until-runs-once
j = 0
begin j += 1 end until true
j
# == begin-while-next-tests
k = 0
seen = []
begin
  k += 1
  next if k == 2
  seen << k
end while k < 4
[k, seen]
# == begin-while-with-rescue
tries = 0
begin
  tries += 1
  raise "flaky" if tries < 3
rescue
  retry_later = true
end while tries < 3
[tries, retry_later]
# == paren-while-tests-first
x = 0
(x += 1) while false
x
