# Exceptions: raising, rescuing, hierarchy, messages, ensure, retry, custom errors.
# == rescue-standard
begin
  1 / 0
rescue ZeroDivisionError => e
  [e.class, e.message]
end
# == raise-string
raise "boom"
# == raise-class-message
raise ArgumentError, "bad value"
# == raise-class-only
raise ArgumentError
# == raise-instance
raise TypeError.new("wrong type")
# == custom-error
class ValidationError < StandardError
  def initialize(field) = super("#{field} is invalid")
end
begin
  raise ValidationError, :email
rescue => e
  [e.class, e.message, e.is_a?(StandardError)]
end
# == custom-error-default-message
class AppError < StandardError; end
AppError.new.message
# == hierarchy
[ZeroDivisionError.ancestors.take(4), KeyError.superclass, StopIteration.superclass, FrozenError.superclass]
# == ensure-order
log = []
begin
  log << :body
  raise "x"
rescue
  log << :rescue
else
  log << :else
ensure
  log << :ensure
end
log
# == else-branch
r = begin
  1
rescue
  2
else
  3
ensure
  4
end
r
# == retry
attempts = 0
begin
  attempts += 1
  raise "flaky" if attempts < 3
  "ok after #{attempts}"
rescue
  retry
end
# == rescue-modifier
(Integer("x") rescue -1)
# == rescue-multiple
def risky(x)
  case x
  when 0 then 1 / 0
  when 1 then Integer("z")
  else [].fetch(5)
  end
rescue ZeroDivisionError, ArgumentError => e
  "math/arg: #{e.class}"
rescue IndexError => e
  "index: #{e.message}"
end
[risky(0), risky(1), risky(2)]
# == reraise-bare
begin
  begin
    raise KeyError, "inner"
  rescue => e
    raise
  end
rescue => outer
  [outer.class, outer.message]
end
# == dollar-bang
begin
  raise "oops"
rescue
  $!.message
end
# == dollar-bang-after
begin
  raise "oops"
rescue
end
$!
# == cause
begin
  begin
    raise "low level"
  rescue => e
    raise ArgumentError, "high level"
  end
rescue => e
  [e.message, e.cause&.message]
end
# == full-message
e = RuntimeError.new("boom")
e.full_message(highlight: false).include?("boom")
# == nomethod-nil
nil.upcase
# == nomethod-object
class Foo; end
Foo.new.bar
# == nomethod-integer
5.upcase
# == name-error
undefined_thing
# == name-error-constant
UndefinedConstant
# == argument-count
def two(a, b) = a + b
two(1)
# == argument-count-many
def one(a) = a
one(1, 2, 3)
# == type-error-plus
1 + "a"
# == type-error-string-plus
"a" + nil
# == key-error
{a: 1}.fetch(:b)
# == key-error-details
begin
  {a: 1}.fetch(:b)
rescue KeyError => e
  [e.key, e.receiver]
end
# == index-error
[1].fetch(10)
# == frozen-error
"abc".freeze << "d"
# == frozen-error-hash
{}.freeze[:a] = 1
# == range-error
[1, 2].first(-1)
# == float-domain
(0.0 / 0).to_i
# == float-domain-inf
(1.0 / 0).round
# == stop-iteration
[].each.next
# == system-stack
def deep(n) = deep(n + 1)
begin
  deep(0)
rescue SystemStackError => e
  e.class
end
# == exception-message-inspect
e = ArgumentError.new("bad")
[e.inspect, e.to_s, e.message]
# == exception-inspect-default
RuntimeError.new.inspect
# == exception-equality
ArgumentError.new("a") == ArgumentError.new("a")
# == exception-backtrace-nil
RuntimeError.new("x").backtrace
# == exception-backtrace-array
begin
  raise "x"
rescue => e
  e.backtrace.is_a?(Array)
end
# == raise-non-exception
raise 42
# == ensure-return-value
def f
  return :body
ensure
  :ensure
end
f
# == ensure-runs-on-return
log = []
define_method(:g) do
  return 1
ensure
  log << :ran
end rescue nil
def h(log)
  return 1
ensure
  log << :ran
end
h(log)
log
# == throw-catch
catch(:found) do
  [[1, 2], [3, 4]].each { |row| row.each { |x| throw :found, x if x > 2 } }
  nil
end
# == throw-uncaught
throw :nope
# == exception-exception-method
e = RuntimeError.new("a")
e2 = e.exception("b")
[e.message, e2.message, e2.class]
# == raise-with-cause
begin
  raise ArgumentError.new("outer"), cause: RuntimeError.new("inner")
rescue => e
  e.cause.message
end
# == rescue-class-list-splat
ERRORS = [ArgumentError, TypeError]
begin
  raise TypeError, "t"
rescue *ERRORS => e
  e.message
end
# == method-rescue-ensure
def parse(s)
  Integer(s)
rescue ArgumentError
  nil
ensure
  puts "parsed #{s}"
end
[parse("1"), parse("x")]
# == error-message-uninitialized-constant-nested
module A; end
A::B
# == zero-div-float
1.0 / 0
# == integer-div-zero-message
begin
  10 / 0
rescue => e
  e.message
end
# == not-implemented
raise NotImplementedError, "todo"
# == exception-subclass-rescue-order
begin
  raise KeyError, "k"
rescue IndexError => e
  "caught as IndexError: #{e.class}"
end
# == exit-like-raise
begin
  raise Exception, "base"
rescue StandardError
  :std
rescue Exception
  :base
end
# == raise-in-ensure-overrides
begin
  begin
    raise "first"
  ensure
    raise "second" rescue nil
  end
rescue => e
  e.message
end
# == detailed-message
ArgumentError.new("x").detailed_message
# == local-jump
def no_block = yield
no_block
# == warn-goes-to-stderr
warn "careful"
:done
# == full-message-raised
begin
  raise ArgumentError, "bad\nmore"
rescue => e
  e.full_message(highlight: false).lines.first.include?("bad (ArgumentError)")
end
# == detailed-message-empty
[RuntimeError.new("").detailed_message, KeyError.new("").detailed_message]
# == inspect-multiline
RuntimeError.new("a\nb").inspect
# == arithmetic-with-nil-messages
def err = yield rescue [$!.class, $!.message]
[err { 1 + nil }, err { 1 - nil }, err { 2 * nil }, err { 1 / nil }, err { 1 % nil }, err { 2 ** nil },
 err { 1.5 + nil }, err { 1.5 * nil }, err { 1 + "2" }, err { 2 * :a }, err { 1.fdiv(nil) }]
# == comparison-failure-messages
def err = yield rescue [$!.class, $!.message]
[err { 1 < nil }, err { 1 < "a" }, err { 1.5 > nil }, err { 3 <= :x }, err { 2 >= [1] },
 err { "a" < 1 }, err { "a".between?(1, 2) }, err { 5.clamp("a", "b") }, err { [1, "a"].max }]
# == big-integer-with-nil-messages
def err = yield rescue [$!.class, $!.message]
b = 2**70
[err { b + nil }, err { b - "1" }, err { b * nil }, err { b / nil }, err { b < nil }, err { b ** nil }, err { b & :x }]
