# Everyday code: error messages users see, Struct/Data, metaprogramming, formatting, ranges, time.
# == nomethod-nil
nil.upcase
# == nomethod-integer
5.upcase
# == nomethod-custom-class
class Widget; end
Widget.new.spin
# == nomethod-message-receiver
begin
  [1, 2].frobnicate
rescue NoMethodError => e
  [e.message, e.name, e.receiver]
end
# == argument-error-count
def greet(name, greeting) = "#{greeting}, #{name}"
greet("x")
# == argument-error-count-optional
def add(a, b = 1) = a + b
add(1, 2, 3)
# == argument-error-splat
def f(a, *rest) = rest
f
# == argument-error-block-lambda
l = ->(x, y) { x + y }
l.call(1)
# == argument-error-proc-lenient
pr = proc { |x, y| [x, y] }
[pr.call(1), pr.call(1, 2, 3), pr.call([4, 5])]
# == type-error-string-plus-int
"total: " + 5
# == type-error-int-plus-string
5 + "1"
# == type-error-array-plus-nil
[1] + nil
# == type-error-message-format
begin
  Integer([1])
rescue TypeError => e
  e.message
end
# == zero-division-modulo
10 % 0
# == zero-division-divmod
10.divmod(0)
# == zero-division-float-ok
[10.0 / 0, 10 / 0.0, 0.0 / 0 == 0.0 / 0]
# == frozen-error-string
s = "abc".freeze
begin
  s << "d"
rescue FrozenError => e
  [e.class, e.message, e.receiver]
end
# == frozen-error-array
[1, 2].freeze << 3
# == frozen-error-hash
{ a: 1 }.freeze[:b] = 2
# == frozen-symbol-upcase
s = :abc.to_s
s << "x"
s
# == frozen-string-literal-comment-free
s = "abc"
s << "d"
[s, s.frozen?]
# == key-error-message
{ name: "x" }.fetch(:age)
# == key-error-string
{ "a" => 1 }.fetch("b")
# == index-error-message
[1, 2, 3].fetch(-10)
# == name-error-constant
Foo::Bar
# == name-error-uninitialized-constant-nested
module Outer; end
Outer::Inner
# == range-error-message
[1, 2].first(-1)
# == stop-iteration
e = [1].each
e.next
e.next
# == raise-custom-message
class InsufficientFunds < StandardError
  def initialize(msg = "balance too low")
    super
  end
end
begin
  raise InsufficientFunds
rescue => e
  [e.message, e.class.superclass, e.is_a?(StandardError)]
end
# == raise-with-class-and-message
begin
  raise ArgumentError, "bad amount: -5"
rescue ArgumentError => e
  [e.message, e.full_message(highlight: false).lines.first.include?("bad amount")]
end
# == ensure-order
log = []
begin
  log << :body
  raise "x"
rescue => e
  log << :rescue
ensure
  log << :ensure
end
log
# == exception-hierarchy
[ZeroDivisionError.ancestors.take(4), KeyError.superclass, StopIteration.superclass, FrozenError.superclass]
# == exception-inspect
[RuntimeError.new("boom").inspect, ArgumentError.new.message, StandardError.new(nil).message]
# == exception-equal-message
e = RuntimeError.new("x")
[e.message, e.to_s, "#{e}", e.backtrace]
# == rescue-modifier
value = Integer("abc") rescue -1
value
# == keyword-missing
def order(item:, qty:) = [item, qty]
order(item: "x")
# == keyword-unknown
def order(item:, qty: 1) = [item, qty]
order(item: "x", price: 5)
# == keyword-positional-mix
def order(item, qty: 1) = [item, qty]
order("x", 2)
# == keyword-hash-splat
def opts(**kw) = kw
h = { a: 1 }
[opts(**h), opts(**h, b: 2), opts]
# == keyword-required-message
def f(a:, b:) = nil
f
# == struct-basic
Point = Struct.new(:x, :y) do
  def dist = Math.sqrt(x * x + y * y)
end
pt = Point.new(3, 4)
[pt, pt.dist, pt.to_a, pt.to_h, pt == Point.new(3, 4)]
# == struct-keyword-init
Person = Struct.new(:name, :age, keyword_init: true)
Person.new(name: "Ann", age: 5)
# == struct-keyword-args-default
Item = Struct.new(:name, :price)
[Item.new(name: "pen", price: 2), Item.new("pen")]
# == struct-too-many
S1 = Struct.new(:a)
S1.new(1, 2)
# == struct-members-each
S2 = Struct.new(:a, :b)
s = S2.new(1, 2)
[S2.members, s.each.to_a, s.values, s[:a], s[1], s.size]
# == struct-setter-eq
S3 = Struct.new(:a)
s = S3.new(1)
s.a = 5
s[:a] += 1
s
# == data-define
Coord = Data.define(:lat, :lng)
c = Coord.new(lat: 1.5, lng: 2)
[c, c.lat, c.with(lng: 3), c.to_h, c.frozen?]
# == data-positional
Money = Data.define(:amount, :currency) do
  def to_s = format("%.2f %s", amount, currency)
end
m = Money.new(12.5, "EUR")
[m.to_s, m == Money.new(12.5, "EUR"), m.inspect]
# == data-missing-keyword
D1 = Data.define(:a, :b)
D1.new(a: 1)
# == data-extra-positional
D2 = Data.define(:a)
D2.new(1, 2)
# == data-immutable
D3 = Data.define(:a)
D3.new(a: 1).instance_variable_set(:@a, 2)
# == data-pattern
D4 = Data.define(:kind, :value)
case D4.new(kind: :num, value: 4)
in { kind: :num, value: Integer => v } then v * 2
end
# == data-members
D5 = Data.define(:x, :y)
[D5.members, D5.new(x: 1, y: 2).eql?(D5.new(x: 1, y: 2)), D5.new(1, 2).hash == D5.new(1, 2).hash]
# == comparable-spaceship
class Version
  include Comparable
  attr_reader :parts
  def initialize(s) = @parts = s.split(".").map(&:to_i)
  def <=>(o) = parts <=> o.parts
  def to_s = parts.join(".")
end
vs = %w[1.10.0 1.2.3 1.2.10].map { Version.new(_1) }
[vs.sort.map(&:to_s), vs.max.to_s, Version.new("1.0") < Version.new("1.0.1"), Version.new("2.0").between?(vs.min, vs.max)]
# == comparable-clamp
class Temp
  include Comparable
  attr_reader :deg
  def initialize(d) = @deg = d
  def <=>(o) = deg <=> o.deg
end
[Temp.new(50).clamp(Temp.new(0), Temp.new(40)).deg, Temp.new(5) == Temp.new(5)]
# == comparable-fail
class Box
  include Comparable
  def <=>(o) = nil
end
Box.new < Box.new
# == spaceship-mixed
[1 <=> "a", "a" <=> 1, nil <=> nil, [1, 2] <=> [1, :a], 1 <=> 1.0]
# == define-method-send
class Settings
  %w[color size].each do |name|
    define_method("#{name}=") { |v| instance_variable_set("@#{name}", v) }
    define_method(name) { instance_variable_get("@#{name}") }
  end
end
s = Settings.new
s.send(:color=, "red")
s.size = 3
[s.color, s.size, s.instance_variables, s.respond_to?(:color)]
# == method-missing-dynamic
class Config
  def initialize = @data = { host: "x", port: 80 }
  def method_missing(name, *args)
    @data.key?(name) ? @data[name] : super
  end
  def respond_to_missing?(name, include_private = false) = @data.key?(name) || super
end
c = Config.new
[c.host, c.port, c.respond_to?(:host), c.respond_to?(:nope), (c.nope rescue $!.class)]
# == method-missing-message
class Ghost
  def method_missing(name, *args) = name == :boo ? "boo!" : super
end
Ghost.new.other
# == public-send-private
class Safe
  private def secret = 42
end
[Safe.new.send(:secret), (Safe.new.public_send(:secret) rescue $!.class)]
# == instance-variable-get-set
o = Object.new
o.instance_variable_set(:@x, 10)
[o.instance_variable_get(:@x), o.instance_variable_defined?(:@y), o.instance_variables]
# == class-methods-introspection
class Animal
  def speak = "..."
end
class Dog < Animal
  def speak = "woof"
  def fetch = true
end
[Dog.instance_methods(false).sort, Dog.superclass, Dog.ancestors.include?(Kernel), Dog.new.method(:speak).owner]
# == method-object-call
m = 5.method(:+)
[m.call(3), m.arity, [1, 2].map(&10.method(:*)), m.unbind.bind(7).call(1)]
# == singleton-methods
o = Object.new
def o.hi = "hi"
[o.hi, o.singleton_methods]
# == const-get-set
module Registry; end
Registry.const_set(:LIMIT, 5)
[Registry.const_get(:LIMIT), Registry.constants, Object.const_defined?(:Registry)]
# == class-new-dynamic
K = Class.new do
  attr_accessor :v
  def initialize(v) = @v = v
end
[K.new(3).v, K.name]
# == instance-exec-eval
class Counter; def initialize = @n = 7; end
[Counter.new.instance_eval { @n }, Counter.new.instance_exec(3) { |x| @n + x }]
# == tap-then
[5.then { _1 * 2 }, [1, 2].tap { |a| a.push(3) }, 4.itself]
# == catch-throw
r = catch(:done) do
  10.times { |i| 10.times { |j| throw :done, [i, j] if i * j == 6 } }
  :never
end
r
# == catch-no-throw
catch(:x) { 42 }
# == throw-uncaught
throw :nobody
# == lazy-first
(1..Float::INFINITY).lazy.map { _1 * 2 }.select { _1 % 3 == 0 }.first(3)
# == lazy-take-while
(1..).lazy.map { _1 ** 2 }.take_while { _1 < 50 }.to_a
# == lazy-filter-map-uniq
(1..20).lazy.filter_map { _1 * 2 if _1.even? }.uniq { _1 % 8 }.to_a
# == lazy-inspect-class
[(1..3).lazy.class, (1..3).lazy.map { _1 }.force]
# == lazy-with-index
%w[a b c].lazy.with_index.map { |s, i| "#{s}#{i}" }.to_a
# == enumerator-external
e = Enumerator.new do |y|
  y << 1
  y.yield 2, 3
  y << 4
end
[e.next, e.next, e.take(3), e.size]
# == enumerator-generator-fib
fib = Enumerator.new do |y|
  a, b = 0, 1
  loop { y << a; a, b = b, a + b }
end
fib.take(10)
# == enumerator-with-object
%w[a b].each.with_object([]).each { |s, acc| acc << s.upcase }
# == pattern-deconstruct-array
case [1, [2, 3]]
in [Integer => a, [b, *c]] then [a, b, c]
end
# == pattern-hash-rest
config = { db: { user: "admin", pass: "x" }, mode: "dev" }
case config
in { db: { user: String => u }, **rest } then [u, rest]
end
# == pattern-find
case [1, 42, "x", :y]
in [*, String => s, *post] then [s, post]
end
# == pattern-in-bool
[{ status: "ok" } in { status: "ok" | "done" }, 5 in ..3, [1, 2] in [_, _, _]]
# == pattern-no-match
case 5
in String then 1
end
# == pattern-guard-alt
def kind(x)
  case x
  in Integer | Float => n if n.negative? then :negative
  in Integer | Float then :number
  in String => s unless s.empty? then :text
  else :other
  end
end
[kind(-1), kind(2.5), kind("a"), kind(""), kind(nil)]
# == pattern-rightward
{ name: "Ann", roles: [:admin] } => { name:, roles: [role] }
[name, role]
# == pattern-pin
expected = 5
case 5
in ^expected then :same
end
# == json-roundtrip
require "json"
data = { "name" => "Ann", "tags" => ["a", "b"], "n" => 1.5, "ok" => true, "none" => nil }
[JSON.parse(JSON.generate(data)) == data, data.to_json]
# == json-symbolize
require "json"
JSON.parse('{"a": {"b": [1, 2.0, "x"]}}', symbolize_names: true)
# == json-pretty
require "json"
puts JSON.pretty_generate({ a: 1, b: [1, 2], c: {} , d: []})
# == json-parse-error
require "json"
begin
  JSON.parse("{bad}")
rescue JSON::ParserError => e
  e.class
end
# == json-unicode
require "json"
[JSON.generate("é\n\"/"), JSON.parse('"\u00e9\ud83d\ude00"'), "tab\t".to_json]
# == json-numbers
require "json"
[JSON.parse("[1, -0, 1e3, 1.5E-2, 10000000000000000000]"), 1.0.to_json, (2**70).to_json, 1e20.to_json]
# == json-symbols-objects
require "json"
[:sym.to_json, { 1 => 2 }.to_json, nil.to_json, ([Float::INFINITY].to_json rescue $!.class)]
# == json-dump
require "json"
[JSON.dump([1, "a"]), JSON.generate("x")]
