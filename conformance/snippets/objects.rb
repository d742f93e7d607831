# Classes and modules: initialize, accessors, inheritance, super, visibility, defined?, constants.
# == class-basic
class Account
  attr_reader :balance
  def initialize(balance = 0) = @balance = balance
  def deposit(amount)
    raise ArgumentError, "amount must be positive" unless amount.positive?
    @balance += amount
    self
  end
end
Account.new.deposit(50).deposit(25).balance
# == class-raise-in-method
class Account
  def initialize = @balance = 0
  def withdraw(a)
    raise ArgumentError, "insufficient funds" if a > @balance
  end
end
Account.new.withdraw(10)
# == inheritance-super
class Animal
  def initialize(name) = @name = name
  def speak = "#{@name} makes a sound"
end
class Dog < Animal
  def speak = super + " (woof)"
end
Dog.new("Rex").speak
# == super-implicit-args
class A
  def go(x, y = 2) = [x, y]
end
class B < A
  def go(x, y = 5) = super
end
B.new.go(1)
# == super-no-args
class A
  def go(*a) = a
end
class B < A
  def go(x) = super()
end
B.new.go(1)
# == to-s-override
class Money
  def initialize(c) = @c = c
  def to_s = format("%.2f", @c / 100.0)
end
"Total: #{Money.new(1999)}"
# == equality-override
class Pt
  attr_reader :x
  def initialize(x) = @x = x
  def ==(o) = o.is_a?(Pt) && x == o.x
  alias eql? ==
  def hash = x.hash
end
[Pt.new(1) == Pt.new(1), [Pt.new(1), Pt.new(1)].uniq.size, {Pt.new(2) => :y}[Pt.new(2)]]
# == private-call
class Safe
  def open = "opened with #{combo}"
  private
  def combo = "1234"
end
[Safe.new.open, (Safe.new.combo rescue $!.class)]
# == private-error
class Safe
  private
  def combo = "1234"
end
Safe.new.combo
# == private-message
class Safe
  private def combo = 1
end
begin
  Safe.new.combo
rescue NoMethodError => e
  e.message
end
# == protected
class Score
  attr_reader :points
  protected :points
  def initialize(p) = @points = p
  def >(other) = points > other.points
end
[Score.new(5) > Score.new(3), (Score.new(1).points rescue $!.class)]
# == private-self-receiver
class W
  def go = self.helper
  private def helper = :ok
end
W.new.go
# == private-setter-self
class W
  def set! = (self.value = 3)
  def value = @value
  private
  attr_writer :value
end
w = W.new
w.set!
w.value
# == private-constant
class Box
  SECRET = 1
  private_constant :SECRET
end
Box::SECRET
# == module-function
module Util
  module_function
  def double(x) = x * 2
end
[Util.double(4), (Object.new.extend(Util).double(1) rescue $!.class)]
# == class-methods
class Temp
  def self.from_f(f) = new((f - 32) * 5 / 9.0)
  attr_reader :c
  def initialize(c) = @c = c
end
Temp.from_f(212).c
# == class-self-block
class Reg
  class << self
    def items = (@items ||= [])
    def add(x) = items << x
  end
end
Reg.add(1)
Reg.add(2)
Reg.items
# == constants-lookup
module Outer
  X = 1
  class Inner
    def x = X
  end
end
Outer::Inner.new.x
# == constant-reassign-warning
A = 1
A = 2
A
# == defined-forms
x = 1
@iv = 2
$gv = 3
def m = nil
[defined?(x), defined?(@iv), defined?($gv), defined?(m), defined?(String), defined?(Nope), defined?(y), defined?(puts), defined?(3 + 3), defined?(@nope)]
# == defined-yield-super
class P
  def a = defined?(super)
  def b = defined?(yield)
end
class C < P
  def a = [super, defined?(super)]
end
[C.new.a, P.new.b, P.new.b {}]
# == defined-method-on-object
[defined?("x".upcase), defined?("x".nope)]
# == respond-to-private
class Q
  private def hid; end
end
[Q.new.respond_to?(:hid), Q.new.respond_to?(:hid, true)]
# == module-mixin
module Greet
  def greet = "Hello, #{name}"
end
class User
  include Greet
  attr_reader :name
  def initialize(n) = @name = n
end
[User.new("Ann").greet, User.include?(Greet), User.new("a").is_a?(Greet)]
# == module-constants-namespace
module Geometry
  PI2 = 6.28
  class Circle
    def initialize(r) = @r = r
    def circumference = (PI2 * @r).round(2)
  end
end
Geometry::Circle.new(2).circumference
# == method-visibility-lists
class V
  def a; end
  protected def b; end
  private def c; end
end
[V.public_instance_methods(false), V.protected_instance_methods(false), V.private_instance_methods(false)]
# == instance-variable-default-nil
class Lazy
  def value = @value
end
Lazy.new.value
# == memoize-ivar
class Calc
  def expensive = @expensive ||= (1..10).sum
end
c = Calc.new
[c.expensive, c.instance_variables]
# == to-s-default
class Plain; end
Plain.new.to_s.sub(/0x\h+/, "ADDR")
# == class-reopen
class String
  def shout = upcase + "!"
end
"hi".shout
# == integer-monkeypatch
class Integer
  def minutes = self * 60
end
5.minutes
# == super-method-missing
class Parent
  def method_missing(n, *a) = "parent handles #{n}"
  def respond_to_missing?(*) = true
end
class Child < Parent; end
Child.new.anything
# == freeze-ivar-error
class F
  def initialize = @a = 1
  def set = @a = 2
end
f = F.new.freeze
f.set
# == object-equality-default
o = Object.new
[o == o, o == Object.new, o.eql?(o)]
# == nil-methods
[nil.to_a, nil.to_s, nil.to_i, nil.inspect, nil & true, nil.to_h]
# == true-false
[true & false, true ^ true, false | true, !true, true.to_s]
# == singleton-nil
[nil.class, true.class, NilClass.instance_methods(false).include?(:to_a)]
# == main-object
[self.to_s, self.class]
# == instance-method-call-undefined
class Empty; end
Empty.new.nope
# == wrong-arity-message
class K
  def m(a) = a
end
begin
  K.new.m
rescue ArgumentError => e
  e.message
end
# == initialize-private
class Obj; end
Obj.new.initialize
# == class-comparison
[Integer <=> Numeric, Numeric <=> Integer, Integer <=> String]
# == class-of-class
[Class.class, Module.class, Object.superclass, BasicObject.superclass]
# == attr-writer-return
class W
  attr_accessor :v
end
w = W.new
(w.v = 5)
# == setter-returns-arg
class W
  def v=(x)
    @v = x * 2
    :ignored
  end
end
w = W.new
r = (w.v = 5)
[r, w.instance_variable_get(:@v)]
# == ivar-in-class-method-isolated
class C
  @x = :class_level
  def x = @x
  def self.x = @x
end
[C.new.x, C.x]
# == comparable-and-enumerable-inclusion
[Integer.include?(Comparable), Array.include?(Enumerable), Hash.include?(Enumerable)]
# == frozen-string-literal-comment
# frozen_string_literal: true
"abc".frozen?
# == defined-kinds
x = 1
[defined?(nil), defined?(true), defined?(self), defined?(x = 2), defined?(@b = 1), defined?(x += 1), defined?(1), defined?(x && 1), defined?(!x), defined?(Object::String), defined?(Object::Nope), defined?(::String), defined?(Nope::X), defined?($nope)]
# == defined-call-args
x = 1
[defined?(x.nope.foo), defined?(String.new), defined?(1.then { }), defined?(puts(zzz)), defined?(x.to_s(zzz)), defined?(x&.to_s), defined? x, defined? @nope]
# == defined-super-in-module-chain
class Base
  def greet = "hi"
end
class Mid < Base
  def greet = defined?(super) ? "mid " + super : "none"
  def other = defined?(super).inspect
end
[Mid.new.greet, Mid.new.other]
