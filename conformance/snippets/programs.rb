# Small programs of the kind the sandbox runs: pricing rules, formulas, exercises, reports.
# == shopping-cart
Item = Struct.new(:name, :price, :qty)
cart = [Item.new("Tea", 4.5, 2), Item.new("Mug", 12.0, 1), Item.new("Honey", 7.25, 3)]
subtotal = cart.sum { |i| i.price * i.qty }
discount = subtotal > 30 ? subtotal * 0.1 : 0
tax = (subtotal - discount) * 0.08
{subtotal: subtotal.round(2), discount: discount.round(2), tax: tax.round(2), total: (subtotal - discount + tax).round(2)}
# == tiered-shipping
def shipping(weight)
  case weight
  when 0..1 then 5.0
  when 1..5 then 5.0 + (weight - 1) * 1.5
  else 11.0 + (weight - 5) * 1.0
  end
end
[0.5, 3, 10].map { |w| shipping(w) }
# == loan-payment
principal = 250_000
rate = 0.045 / 12
n = 30 * 12
(principal * rate / (1 - (1 + rate)**-n)).round(2)
# == grade-report
scores = {"ann" => [90, 85, 77], "bob" => [60, 72, 58], "cy" => [99, 100, 98]}
scores.map { |name, s| avg = s.sum.fdiv(s.size); [name, avg.round(1), avg >= 70 ? "pass" : "fail"] }
# == invoice-text
lines = [["Widget", 3, 4.99], ["Gadget", 1, 19.5]]
out = lines.map { |n, q, p| format("%-8s %3d x %6.2f = %7.2f", n, q, p, q * p) }
out << format("%-8s %22.2f", "TOTAL", lines.sum { |_, q, p| q * p })
out.join("\n")
# == word-frequency-top
text = "It was the best of times, it was the worst of times"
text.downcase.scan(/\w+/).tally.sort_by { |w, c| [-c, w] }.first(3)
# == anagram-groups
%w[listen silent enlist google elgoog cat act].group_by { |w| w.chars.sort.join }.values
# == roman-numerals
def roman(n)
  map = {1000 => "M", 900 => "CM", 500 => "D", 400 => "CD", 100 => "C", 90 => "XC",
         50 => "L", 40 => "XL", 10 => "X", 9 => "IX", 5 => "V", 4 => "IV", 1 => "I"}
  map.reduce(+"") { |s, (v, r)| s << r * (n / v); n %= v; s }
end
[1994, 2024, 3999].map { |n| roman(n) }
# == binary-search
def bsearch(arr, target)
  lo, hi = 0, arr.size - 1
  while lo <= hi
    mid = (lo + hi) / 2
    return mid if arr[mid] == target
    arr[mid] < target ? lo = mid + 1 : hi = mid - 1
  end
  nil
end
a = [1, 3, 5, 7, 9, 11]
[bsearch(a, 7), bsearch(a, 4)]
# == bubble-sort
def bubble(a)
  a = a.dup
  loop do
    swapped = false
    (a.size - 1).times { |i| (a[i], a[i + 1] = a[i + 1], a[i]; swapped = true) if a[i] > a[i + 1] }
    break unless swapped
  end
  a
end
bubble([5, 2, 9, 1, 5, 6])
# == quicksort
def qsort(a)
  return a if a.size <= 1
  pivot, *rest = a
  left, right = rest.partition { |x| x < pivot }
  qsort(left) + [pivot] + qsort(right)
end
qsort([3, 6, 1, 8, 2, 9, 2])
# == matrix-determinant
def det(m)
  return m[0][0] if m.size == 1
  m[0].each_with_index.sum { |v, j| (-1)**j * v * det(m[1..].map { |r| r.reject.with_index { |_, k| k == j } }) }
end
det([[2, 0, 1], [1, 3, 2], [1, 1, 1]])
# == caesar-cipher
def caesar(s, k) = s.gsub(/[a-z]/) { |c| ((c.ord - 97 + k) % 26 + 97).chr }
[caesar("hello", 3), caesar(caesar("hello", 3), -3)]
# == vowel-count-hash
"Programming in Ruby".downcase.chars.select { |c| "aeiou".include?(c) }.tally
# == balanced-brackets
def balanced?(s)
  pairs = {")" => "(", "]" => "[", "}" => "{"}
  stack = []
  s.each_char do |c|
    if pairs.value?(c) then stack.push(c)
    elsif pairs.key?(c) then return false unless stack.pop == pairs[c]
    end
  end
  stack.empty?
end
["([]{})", "([)]", "((", ""].map { |s| balanced?(s) }
# == temperature-stats
temps = [21.5, 19.0, 23.25, 18.75, 22.0]
{min: temps.min, max: temps.max, avg: (temps.sum / temps.size).round(2), spread: temps.max - temps.min}
# == fizzbuzz-string
(1..15).map { |i| s = ""; s += "Fizz" if i % 3 == 0; s += "Buzz" if i % 5 == 0; s.empty? ? i.to_s : s }.join(" ")
# == primes-below
(2..50).select { |n| (2..Math.sqrt(n)).none? { |d| (n % d).zero? } }
# == gcd-euclid
def gcd(a, b) = b.zero? ? a : gcd(b, a % b)
[gcd(48, 18), gcd(17, 5), gcd(0, 9)]
# == flatten-hash
def flat(h, prefix = nil)
  h.each_with_object({}) do |(k, v), out|
    key = prefix ? "#{prefix}.#{k}" : k.to_s
    v.is_a?(Hash) ? out.merge!(flat(v, key)) : out[key] = v
  end
end
flat({a: 1, b: {c: 2, d: {e: 3}}})
# == run-length
"aaabccdddd".chars.chunk_while { |a, b| a == b }.map { |g| "#{g.size}#{g[0]}" }.join
# == pricing-rule
Rule = Struct.new(:min_qty, :discount)
rules = [Rule.new(10, 0.05), Rule.new(50, 0.1), Rule.new(100, 0.15)]
unit = 2.5
[5, 10, 60, 150].map do |q|
  d = rules.select { |r| q >= r.min_qty }.map(&:discount).max || 0
  (q * unit * (1 - d)).round(2)
end
# == leaderboard
players = {alice: 1200, bob: 1350, carol: 1200, dave: 900}
players.sort_by { |n, s| [-s, n] }.each_with_index.map { |(n, s), i| "#{i + 1}. #{n} #{s}" }
# == bank-account-errors
class InsufficientFunds < StandardError; end
class Account
  attr_reader :balance
  def initialize = @balance = 0
  def deposit(x) = @balance += x
  def withdraw(x)
    raise InsufficientFunds, "balance #{@balance} < #{x}" if x > @balance
    @balance -= x
  end
end
acct = Account.new
acct.deposit(100)
log = []
[30, 90].each do |amt|
  acct.withdraw(amt)
  log << "ok #{amt}"
rescue InsufficientFunds => e
  log << "failed: #{e.message}"
end
[log, acct.balance]
# == csv-parse-sum
csv = "name,qty,price\napple,3,0.5\npear,2,0.75\n"
rows = csv.lines.drop(1).map { |l| n, q, p = l.chomp.split(","); [n, q.to_i, p.to_f] }
rows.sum { |_, q, p| q * p }
# == date-bucket
events = [1_700_000_000, 1_700_003_600, 1_700_090_000, 1_700_100_000]
events.group_by { |t| Time.at(t).utc.strftime("%Y-%m-%d") }.transform_values(&:size)
# == tip-calculator
bill = 84.60
[0.15, 0.18, 0.2].map { |p| [p, (bill * p).round(2), (bill * (1 + p)).round(2)] }
# == compound-table
(1..3).map { |y| [y, (1000 * 1.05**y).round(2)] }
# == string-template
template = "Dear {name}, your order {id} ships {when}."
vals = {name: "Ann", id: 42, when: "today"}
template.gsub(/\{(\w+)\}/) { vals[$1.to_sym].to_s }
# == interval-merge
intervals = [[1, 3], [2, 6], [8, 10], [9, 12]]
intervals.sort.each_with_object([]) { |(s, e), acc| acc.last && s <= acc.last[1] ? acc.last[1] = [acc.last[1], e].max : acc << [s, e] }
# == change-making
def change(amount, coins = [25, 10, 5, 1])
  coins.each_with_object({}) { |c, h| h[c], amount = amount.divmod(c) }
end
change(68)
# == histogram
data = [1, 3, 3, 2, 5, 3, 1]
data.tally.sort.map { |v, n| "#{v}: #{"*" * n}" }
# == validate-form
form = {email: "a@b.c", age: "17", name: ""}
errors = []
errors << "name required" if form[:name].strip.empty?
errors << "bad email" unless form[:email].match?(/\A[^@\s]+@[^@\s]+\z/)
errors << "too young" if form[:age].to_i < 18
errors
# == unit-convert
CONV = {km: 1000.0, m: 1.0, cm: 0.01}
def convert(v, from, to) = v * CONV[from] / CONV[to]
[convert(5, :km, :m), convert(250, :cm, :m), convert(1500, :m, :km)]
# == tree-depth
tree = {v: 1, kids: [{v: 2, kids: [{v: 4, kids: []}]}, {v: 3, kids: []}]}
depth = ->(n) { 1 + (n[:kids].map { |k| depth.(k) }.max || 0) }
sum = ->(n) { n[:v] + n[:kids].sum { |k| sum.(k) } }
[depth.(tree), sum.(tree)]
# == memo-fib-100
memo = {0 => 0, 1 => 1}
fib = ->(n) { memo[n] ||= fib.(n - 1) + fib.(n - 2) }
fib.(90)
# == queue-simulation
queue = [3, 1, 4, 1, 5]
t = 0
waits = queue.map { |d| w = t; t += d; w }
[waits, waits.sum.fdiv(waits.size)]
# == rpn-calculator
def rpn(expr)
  expr.split.each_with_object([]) do |tok, st|
    if tok =~ /\A-?\d+(\.\d+)?\z/ then st << tok.to_f
    else b, a = st.pop, st.pop; st << a.send(tok, b)
    end
  end.last
end
[rpn("3 4 + 2 *"), rpn("5 1 2 + 4 * + 3 -"), rpn("2 3 /")]
# == inventory-report
stock = [{sku: "A1", qty: 5, min: 10}, {sku: "B2", qty: 20, min: 5}, {sku: "C3", qty: 0, min: 1}]
stock.select { |s| s[:qty] < s[:min] }.map { |s| "#{s[:sku]}: reorder #{s[:min] * 2 - s[:qty]}" }
# == percent-change
old, new = 80.0, 92.0
format("%+.1f%%", (new - old) / old * 100)
# == business-days
start = Time.utc(2024, 7, 1)
(0...14).map { |d| start + d * 86_400 }.count { |t| !t.saturday? && !t.sunday? }
# == exercise-palindromes
(10..200).select { |n| n.to_s == n.to_s.reverse }.last(3)
# == exercise-armstrong
(100..999).select { |n| n.digits.sum { |d| d**3 } == n }
# == exercise-perfect
(1..500).select { |n| (1...n).select { |d| (n % d).zero? }.sum == n }
