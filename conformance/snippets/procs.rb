# Procs, lambdas, blocks, closures, methods as objects.
# == lambda-call
square = ->(x) { x * x }
[square.call(4), square.(5), square[6]]
# == proc-call
add = proc { |a, b| (a || 0) + (b || 0) }
[add.call(1, 2), add.call(1), add.call(1, 2, 3)]
# == lambda-arity-error
l = ->(a, b) { a + b }
l.call(1)
# == arity
[proc { |x| }.arity, ->(x, y) {}.arity, proc { |*a| }.arity, ->(x, y = 1) {}.arity, proc {}.arity]
# == lambda-predicate
[proc {}.lambda?, lambda {}.lambda?, ->() {}.lambda?]
# == closure-counter
def make_counter
  count = 0
  increment = -> { count += 1 }
  get = -> { count }
  [increment, get]
end
inc, get = make_counter
3.times { inc.call }
get.call
# == closure-captures-variable
x = 10
add_x = ->(y) { x + y }
x = 20
add_x.call(1)
# == curry
add3 = ->(a, b, c) { a + b + c }
[add3.curry[1][2][3], add3.curry.(1, 2).(3)]
# == compose
double = ->(x) { x * 2 }
inc = ->(x) { x + 1 }
[(double >> inc).call(5), (double << inc).call(5)]
# == method-object
m = 5.method(:+)
[m.call(3), [1, 2, 3].map(&10.method(:*))]
# == method-to-proc
def shout(s) = s.upcase + "!"
%w[hi yo].map(&method(:shout))
# == yield
def twice
  yield 1
  yield 2
end
r = []
twice { |x| r << x * 10 }
r
# == block-given
def maybe
  block_given? ? yield : :no_block
end
[maybe, maybe { :with_block }]
# == block-arg
def run(&blk) = blk.call(3)
run { |x| x + 1 }
# == proc-return-lambda
def test_lambda
  l = -> { return 1 }
  l.call
  2
end
test_lambda
# == proc-return-method
def test_proc
  pr = proc { return 1 }
  pr.call
  2
end
test_proc
# == next-in-block
[1, 2, 3].map { |x| next 0 if x == 2; x }
# == break-in-block
[1, 2, 3, 4].each { |x| break x * 100 if x == 3 }
# == block-destructure
[[1, [2, 3]], [4, [5, 6]]].map { |a, (b, c)| a + b + c }
# == block-local
x = 1
[1, 2].each { |i; x| x = i }
x
# == proc-from-symbol
:upcase.to_proc.call("abc")
# == proc-params
->(a, b = 2, *c, d:, e: 5, **f, &g) {}.parameters
# == method-arity
def m(a, b = 1, *c) = nil
method(:m).arity
# == method-owner
[1.method(:+).owner, "x".method(:upcase).name]
# == instance-method-bind
um = Array.instance_method(:size)
um.bind([1, 2, 3]).call
# == proc-new-lambda-inspect-class
[proc {}.class, lambda {}.class]
# == yield-multiple
def pair = yield(1, 2)
[pair { |a, b| a + b }, pair { |a| a }, pair { |*a| a }]
# == lambda-splat-array
->(a, b) { a + b }.call(*[1, 2])
# == proc-array-autosplat
proc { |a, b| [a, b] }.call([1, 2])
# == lambda-no-autosplat
->(a, b) { [a, b] }.call([1, 2])
# == memoize
fib = Hash.new { |h, n| h[n] = n < 2 ? n : h[n - 1] + h[n - 2] }
fib[80]
# == higher-order
apply_n = ->(f, n, x) { n.times.reduce(x) { |acc, _| f.(acc) } }
apply_n.(->(v) { v * 2 }, 10, 1)
# == define-method-closure
class Greeter
  %w[hello bye].each do |word|
    define_method("say_#{word}") { |name| "#{word}, #{name}" }
  end
end
[Greeter.new.say_hello("A"), Greeter.new.say_bye("B")]
# == instance-exec
obj = Object.new
obj.instance_variable_set(:@secret, 42)
obj.instance_exec(1) { |x| @secret + x }
# == proc-curry-arity
->(a, b) { a * b }.curry.arity
# == blocks-and-procs-equal
pr = proc { 1 }
pr == pr.dup
# == proc-yield-self
5.then { |x| x * 2 }
# == tap
[1, 2].tap { |a| a.push(3) }
# == method-missing-proxy
class Recorder
  def initialize = @calls = []
  def method_missing(name, *args)
    @calls << [name, args]
    self
  end
  def respond_to_missing?(*) = true
  attr_reader :calls
end
Recorder.new.foo(1).bar(2, 3).calls
# == each-with-proc
printer = proc { |x| puts "item #{x}" }
[1, 2].each(&printer)
# == nested-closures
adders = (1..3).map { |i| ->(x) { x + i } }
adders.map { |f| f.(10) }
# == lambda-default
greet = ->(name = "world") { "hi #{name}" }
[greet.(), greet.("bob")]
# == block-kwargs
def kw
  yield a: 1, b: 2
end
kw { |a:, b:| a + b }
# == proc-ruby2-keywords-like
def fwd(*args, **kw, &blk) = blk.call(*args, **kw)
fwd(1, x: 2) { |a, x:| [a, x] }
# == method-reference-operator
[1, 2, 3].map(&2.method(:*))
# == super-in-block
class Base
  def greet(n) = "hi #{n}"
end
class Kid < Base
  def greet(n) = [1].map { super(n) }.first + "!"
end
Kid.new.greet("z")
