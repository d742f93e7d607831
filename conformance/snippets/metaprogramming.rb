# Metaprogramming: send, define_method, method_missing, reflection, hooks, refinements-free.
# == send
[1.send(:+, 2), "abc".public_send(:upcase), [3, 1].send(:sort)]
# == public-send-private
class Vault
  private def secret = 42
end
Vault.new.public_send(:secret)
# == send-private
class Vault
  private def secret = 42
end
Vault.new.send(:secret)
# == respond-to
[5.respond_to?(:+), 5.respond_to?(:upcase), nil.respond_to?(:to_a)]
# == define-method
class Calc
  %i[add sub].zip(%i[+ -]).each do |name, op|
    define_method(name) { |a, b| a.send(op, b) }
  end
end
[Calc.new.add(5, 3), Calc.new.sub(5, 3)]
# == method-missing
class Ghost
  def method_missing(name, *args)
    name.to_s.start_with?("get_") ? "got #{name.to_s.sub("get_", "")}" : super
  end
  def respond_to_missing?(name, include_private = false) = name.to_s.start_with?("get_") || super
end
g = Ghost.new
[g.get_name, g.respond_to?(:get_x), g.respond_to?(:other)]
# == method-missing-super
class Ghost
  def method_missing(name, *args) = super
end
Ghost.new.unknown_call
# == instance-variables
class P
  def initialize = (@a, @b = 1, 2)
end
o = P.new
[o.instance_variables, o.instance_variable_get(:@a), o.instance_variable_set(:@c, 3), o.instance_variables]
# == instance-variable-defined
o = Object.new
o.instance_variable_set(:@x, nil)
[o.instance_variable_defined?(:@x), o.instance_variable_defined?(:@y)]
# == class-reflection
class Animal; end
class Dog < Animal; end
[Dog.superclass, Dog.ancestors.first(3), Dog.new.is_a?(Animal), Dog < Animal, Animal <= Dog]
# == instance-methods
class Tiny
  def a; end
  def b; end
  private def c; end
end
[Tiny.instance_methods(false).sort, Tiny.private_instance_methods(false)]
# == methods-singleton
o = Object.new
def o.hello = :hi
[o.singleton_methods, o.hello]
# == const-get-set
module Config; end
Config.const_set(:LIMIT, 10)
[Config.const_get(:LIMIT), Config.const_defined?(:LIMIT), Config.constants]
# == class-new
Klass = Class.new do
  def hi = "hi from #{self.class}"
end
Klass.new.hi
# == anonymous-class-name
c = Class.new
[c.name, Class.new(StandardError).superclass]
# == module-new
M = Module.new do
  def shout = to_s.upcase
end
String.include(M)
"abc".shout
# == included-hook
module Tracked
  def self.included(base)
    base.extend(ClassMethods)
  end
  module ClassMethods
    def tracked? = true
  end
end
class Model
  include Tracked
end
Model.tracked?
# == inherited-hook
class Base
  @subs = []
  class << self
    attr_reader :subs
    def inherited(k)
      super
      (Base.subs << k.name)
    end
  end
end
class A1 < Base; end
class B1 < Base; end
Base.subs
# == method-added
class Watch
  @added = []
  def self.method_added(m) = (@added << m)
  def self.added = @added
  def one; end
  def two; end
end
Watch.added
# == instance-variable-get-class
class Counter
  @count = 5
end
Counter.instance_variable_get(:@count)
# == class-variables
class Cfg
  @@level = 1
  def self.level = @@level
end
[Cfg.level, Cfg.class_variables, Cfg.class_variable_get(:@@level)]
# == attr-accessor-generated
class Box
  attr_accessor :w, :h
  attr_reader :id
  attr_writer :secret
end
Box.instance_methods(false).sort
# == define-singleton
o = Object.new
o.define_singleton_method(:twice) { |x| x * 2 }
o.twice(21)
# == singleton-class
s = "x"
def s.shout = upcase
[s.shout, s.singleton_class.instance_methods(false)]
# == extend
module Loud
  def speak = "#{name}!"
end
class Person
  attr_reader :name
  def initialize(n) = @name = n
end
b = Person.new("bob")
b.extend(Loud)
[b.speak, b.is_a?(Loud), Person.new("x").respond_to?(:speak)]
# == prepend
module Logging
  def run = "log(" + super + ")"
end
class Job
  prepend Logging
  def run = "job"
end
[Job.new.run, Job.ancestors.first(2)]
# == alias-method
class Str
  def greet = "hi"
  alias_method :hello, :greet
  alias hey greet
end
[Str.new.hello, Str.new.hey]
# == undef-remove
class Shape
  def area = 0
  def name = "shape"
end
class Sq < Shape
  def area = 4
  remove_method :area
  undef_method :name
end
[Sq.new.area, (Sq.new.name rescue "undefined")]
# == instance-eval
"hello".instance_eval { size }
# == class-eval
String.class_eval { def vowels = count("aeiou") }
"education".vowels
# == class-exec-define
Array.class_exec(:second) { |name| define_method(name) { self[1] } }
[5, 6, 7].second
# == method-object-unbind
m = [1, 2, 3].method(:map)
m.unbind.bind([4]).call { |x| x * 2 }
# == object-send-operators
[3.send(:*, 4), [1, 2].send(:[], 0), {a: 1}.send(:[], :a)]
# == freeze-object
o = Object.new.freeze
o.instance_variable_set(:@a, 1)
# == object-dup-clone
s = "abc".freeze
[s.dup.frozen?, s.clone.frozen?, s.clone(freeze: false).frozen?]
# == dup-singleton
o = Object.new
def o.x = 1
[o.clone.respond_to?(:x), o.dup.respond_to?(:x)]
# == method-defined
class T
  def pub; end
  private def priv; end
end
[T.method_defined?(:pub), T.method_defined?(:priv), T.private_method_defined?(:priv)]
# == instance-of-kind-of
[5.instance_of?(Integer), 5.instance_of?(Numeric), 5.kind_of?(Comparable)]
# == dynamic-attr
class Settings
  def initialize(h)
    h.each do |k, v|
      define_singleton_method(k) { v }
    end
  end
end
s = Settings.new(color: "red", size: 3)
[s.color, s.size]
# == const-missing
class Object
  def self.const_missing(n) = "missing #{n}"
end
Nothing
# == send-with-block
[1, 2, 3].send(:map) { |x| x + 1 }
# == method-source-location-nil
1.method(:+).source_location
# == object-methods-include
5.methods.include?(:+)
# == ancestors-module
module Walk; end
class Duck
  include Walk
  include Comparable
end
Duck.ancestors.take(3)
# == class-name-nested
module Outer
  class Inner; end
end
[Outer::Inner.name, Outer::Inner.to_s, Outer.const_get(:Inner).name]
# == to-s-vs-inspect-object
class Pt
  def initialize = (@x, @y = 1, 2)
end
Pt.new.inspect.sub(/0x\h+/, "X")
# == instance-variables-inspect
class Acct
  def initialize = (@owner, @balance = "ann", 10.5)
end
Acct.new
# == custom-inspect
class Temp
  def initialize(d) = @d = d
  def inspect = "#<Temp #{@d}°C>"
end
[Temp.new(21)]
# == custom-to-s-interp
class Temp
  def initialize(d) = @d = d
  def to_s = "#{@d} degrees"
end
"It is #{Temp.new(21)}"
# == dsl-builder
class HTML
  def initialize = @out = +""
  def method_missing(tag, text = nil, &blk)
    @out << "<#{tag}>"
    text ? @out << text : instance_eval(&blk)
    @out << "</#{tag}>"
    self
  end
  def respond_to_missing?(*) = true
  def to_s = @out
end
HTML.new.div { p "hi"; span "there" }.to_s
# == define-method-returns-symbol
class X
  R = define_method(:foo) {}
end
X::R
# == def-returns-symbol
def zz = 1
# == object-id-stable
o = Object.new
o.object_id == o.object_id
# == equal-vs-eql
a = "x"
[a.equal?(a), a.equal?(a.dup), a == a.dup]
# == instance-variable-names-order
o = Object.new
o.instance_variable_set(:@z, 1)
o.instance_variable_set(:@a, 2)
o.instance_variables
# == const-source-name
module Shop
  TAX = 0.2
  def self.tax = TAX
end
[Shop.tax, Shop::TAX, Shop.constants]
# == clone-freeze-options
s = "x"
[s.clone(freeze: true).frozen?, s.frozen?, "y".freeze.clone(freeze: false).frozen?]
