# Keyword arguments, defaults, splats and argument forwarding.
# == required
def make(name:, age:) = "#{name}/#{age}"
make(age: 3, name: "Rex")
# == missing-required
def make(name:, age:) = "#{name}/#{age}"
make(name: "x")
# == missing-both
def make(name:, age:) = nil
make
# == unknown-keyword
def make(name:) = name
make(name: "a", color: "red")
# == defaults
def price(amount, tax: 0.2, discount: 0) = (amount * (1 + tax) - discount).round(2)
[price(100), price(100, tax: 0.1), price(100, discount: 5, tax: 0)]
# == double-splat-collect
def opts(**kw) = kw
opts(a: 1, b: 2)
# == double-splat-pass
def f(a:, b:) = a - b
h = {a: 10, b: 3}
f(**h)
# == mixed
def mixed(x, y = 2, *rest, z:, w: 4, **others, &blk) = [x, y, rest, z, w, others]
mixed(1, 5, 6, 7, z: 3, q: 9)
# == hash-as-last-positional
def last(h) = h
last(a: 1, b: 2)
# == hash-not-kwargs
def k(a:) = a
h = {a: 1}
k(h)
# == positional-hash-and-kw
def both(opts = {}, **kw) = [opts, kw]
both({x: 1}, y: 2)
# == splat-args
def sum(*nums) = nums.sum
[sum, sum(1), sum(1, 2, 3), sum(*[4, 5])]
# == forward-all
def target(a, b: 0) = a + b
def fwd(...) = target(...)
fwd(1, b: 2)
# == anonymous-splats
def inner(*a, **k) = [a, k]
def outer(*, **) = inner(*, **)
outer(1, 2, x: 3)
# == anonymous-block
def each_twice(&) = [1, 2].each(&)
r = []
each_twice { |x| r << x }
r
# == kwargs-with-string-keys
def opts(**kw) = kw
opts("a" => 1)
# == kwargs-nil
def no_kw(**nil) = :ok
no_kw(a: 1)
# == kwargs-shorthand
x = 1
y = 2
{x:, y:}
# == kwargs-shorthand-call
def point(x:, y:) = [x, y]
x = 3
y = 4
point(x:, y:)
# == default-uses-earlier
def range_of(from, to = from + 10) = (from..to)
range_of(5)
# == block-kwargs-default
def call_it = yield(1, k: 2)
call_it { |a, k: 0, j: 9| [a, k, j] }
# == lambda-kwargs
l = ->(a, b: 1) { a * b }
[l.(2), l.(2, b: 3)]
# == kwargs-merge
def config(defaults = {}, **overrides) = defaults.merge(overrides)
config({color: "red", size: 1}, size: 2)
# == method-parameters
def m(a, b = 1, *c, d:, e: 2, **f, &g) = nil
method(:m).parameters
# == send-kwargs
def kw(a:, b: 2) = a + b
send(:kw, a: 1, b: 5)
# == define-method-kwargs
class K
  define_method(:go) { |x, y: 1| x + y }
end
K.new.go(1, y: 10)
# == super-kwargs
class P
  def initialize(name:, age: 0) = (@name, @age = name, age)
  def to_a = [@name, @age]
end
class C < P
  def initialize(extra:, **rest)
    super(**rest)
    @extra = extra
  end
  def to_a = super + [@extra]
end
C.new(name: "n", extra: :x).to_a
# == kwargs-ordering-error
def f(a, b:) = [a, b]
f(b: 1)
# == optional-after-splat
def g(a, *m, z) = [a, m, z]
g(1, 2, 3, 4)
# == positional-keyword-symbol-key
def f(h) = h
f(:a => 1)
# == kwargs-empty-hash-splat
def f(*args) = args
f(**{})
# == struct-kwargs
S = Struct.new(:a, :b)
S.new(a: 1, b: 2).a
# == kw-frozen-default
def f(list: []) = list << 1
[f, f]
# == keyword-argument-error-message
def f(a:, b:) = nil
begin
  f
rescue ArgumentError => e
  e.message
end
# == yield-kwargs-after-splat
def each_pair_with(*a) = yield(*a, sep: "-")
each_pair_with(1, 2) { |a, b, sep:| "#{a}#{sep}#{b}" }
# == yield-double-splat
def with_opts(**o) = yield(**o)
[with_opts(q: 1) { |q:, r: 2| [q, r] }, with_opts { |*a| a }]
# == yield-kwargs-to-plain-block
def h = yield(k: 1)
h { |x| x }
# == yield-kwargs-missing
def m = yield(a: 1)
begin
  m { |a:, b:| a }
rescue ArgumentError => e
  e.message
end
