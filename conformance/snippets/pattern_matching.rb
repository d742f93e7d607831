# Pattern matching: case/in, deconstruct, one-line forms.
# == array-pattern
case [1, [2, 3]]
in [a, [b, c]] then a + b + c
end
# == hash-pattern
case {name: "Ann", role: {admin: true}}
in {name: String => name, role: {admin: true}} then "admin #{name}"
in {name:} then "user #{name}"
end
# == value-patterns
def kind(x)
  case x
  in Integer | Float => n if n > 100 then :big
  in Integer then :int
  in Float then :float
  in String then :string
  in [] then :empty_array
  in nil then :nil
  else :other
  end
end
[kind(500), kind(5), kind(1.5), kind("s"), kind([]), kind(nil), kind(:sym)]
# == splat-pattern
case [1, 2, 3, 4]
in [first, *rest] then [first, rest]
end
# == find-pattern
case [1, 42, "x", :y]
in [*, String => s, *] then s
end
# == pin
expected = 5
case 5
in ^expected then :match
else :no
end
# == pin-expression
case 10
in ^(5 * 2) then :ten
end
# == guard
case [3, 4]
in [x, y] if x + y > 5 then :big
in [x, y] then :small
end
# == no-match
case 42
in String then :s
end
# == no-match-message
begin
  case [1, 2]
  in [a] then a
  end
rescue NoMatchingPatternError => e
  [e.class, e.message]
end
# == hash-rest
case {a: 1, b: 2, c: 3}
in {a: 1, **rest} then rest
end
# == hash-nil-rest
case {a: 1, b: 2}
in {a: 1, **nil} then :exact
in {a: 1} then :loose
end
# == range-pattern
case 75
in 0...50 then :low
in 50..100 then :high
end
# == alternative
case :blue
in :red | :green then :warm
in :blue | :purple then :cool
end
# == one-line-in
matched = ({a: 1} in {a: Integer})
missed = (5 in String)
[matched, missed]
# == one-line-rightward
{user: {id: 7}} => {user: {id:}}
id
# == rightward-fail
5 => String
:unreachable
# == deconstruct-custom
class Point
  attr_reader :x, :y
  def initialize(x, y) = (@x, @y = x, y)
  def deconstruct = [x, y]
  def deconstruct_keys(_keys) = {x:, y:}
end
r1 = case Point.new(1, 2)
     in [a, b] then a + b
     end
r2 = case Point.new(3, 4)
     in {x:, y:} then x * y
     end
[r1, r2]
# == class-pattern
class Point
  attr_reader :x, :y
  def initialize(x, y) = (@x, @y = x, y)
  def deconstruct = [x, y]
  def deconstruct_keys(_) = {x:, y:}
end
case Point.new(0, 5)
in Point(x: 0, y:) then "on y axis at #{y}"
in Point[x, y] then "elsewhere"
end
# == struct-pattern
Pt = Struct.new(:x, :y)
case Pt.new(1, 2)
in [x, y] then x + y
end
# == struct-hash-pattern
Pt = Struct.new(:x, :y)
case Pt.new(1, 2)
in {x: 1, y:} then y
end
# == nested-json-like
data = {status: "ok", items: [{id: 1, tags: ["a"]}, {id: 2, tags: []}]}
case data
in {status: "ok", items: [*, {id:, tags: []}, *]} then "untagged #{id}"
end
# == regexp-pattern
case "2024-05-06"
in /\A\d{4}-\d{2}-\d{2}\z/ then :date
end
# == lambda-pattern
case 7
in ->(n) { n.odd? } then :odd
end
# == array-length-mismatch
case [1, 2, 3]
in [_, _] then :two
in [_, _, _] then :three
end
# == underscore
case [1, 2]
in [_, x] then x
end
# == bind-whole
case [1, 2]
in [Integer, Integer] => pair then pair.sum
end
# == case-in-else
result = case {type: :circle, r: 2}
         in {type: :square, side:} then side * side
         in {type: :circle, r:} then (3.14159 * r * r).round(2)
         else 0
         end
result
# == string-keys-not-matched
case({"a" => 1})
in {a: 1} then :sym
else :no
end
# == nil-pattern
case nil
in nil then :nil
end
# == array-of-hashes
orders = [{id: 1, total: 50}, {id: 2, total: 150}]
orders.map { |o|
  case o
  in {total: 100..} then "#{o[:id]}:big"
  in {total:} then "#{o[:id]}:#{total}"
  end
}
# == in-predicate-filter
[1, "a", 2.5, nil].select { |x| x in Integer | Float }
# == deconstruct-keys-argument
class Spy
  def deconstruct_keys(keys)
    @seen = keys
    {a: 1, b: 2}
  end
  attr_reader :seen
end
s = Spy.new
case s
in {a: 1} then s.seen
end
# == pin-instance-var
@limit = 3
case 3
in ^@limit then :same
end
# == match-command
cmd = ["move", 3, 4]
case cmd
in ["move", Integer => dx, Integer => dy] then "move by #{dx},#{dy}"
in ["quit"] then "bye"
end
# == brace-less-hash
case {name: "Ann", age: 31}
in name: String => who, age: Integer => age if age >= 18
  "#{who} is an adult"
end
# == bracket-less-array
case [1, 2, 3]
in Integer => head, *tail then [head, tail]
end
# == find-binds-both-sides
case [1, 2, 3, 4, 5]
in [*before, 3, *after] then [before, after]
end
# == key-error
begin
  {a: 1} => {b:}
rescue NoMatchingPatternKeyError => e
  [e.class, e.message, e.key, e.matchee, e.is_a?(NoMatchingPatternError)]
end
# == guard-unless
[3, 8].map do |n|
  case n
  in Integer => x unless x > 5 then :small
  else :big
  end
end
# == guard-message
case 5
in Integer => x if x > 6 then :big
end
# == not-empty-message
begin
  {a: 1, c: 2} => {a: 1, **nil}
  :matched
rescue NoMatchingPatternError => e
  [e.class, e.message]
end
# == no-deconstruct-message
begin
  1 => [a]
  :matched
rescue NoMatchingPatternError => e
  [e.class, e.message]
end
# == find-message
begin
  [1, 2] => [*, 3, *]
  :matched
rescue NoMatchingPatternError => e
  [e.class, e.message]
end
# == deconstruct-type-error
class NotArray
  def deconstruct = 1
end
case NotArray.new
in [a] then a
end
# == pin-in-block
limit = 10
[5, 10, 15].map { |v| v in ^limit }
# == numbered-param-case
[[1, 2], [3], []].map do
  case _1
  in [a, b] then a + b
  in [a] then a
  in [] then 0
  end
end
# == data-pattern
Size = Data.define(:w, :h)
s = Size.new(w: 2, h: 3)
r1 = case s
     in {w:, h:} then w * h
     end
r2 = case s
     in Size[w, h] then w + h
     end
[r1, r2]
# == alternative-arrays
[[1, 9], [9, 1], [5, 5]].map { |pair|
  case pair
  in [1, _] | [_, 1] then :has_one
  in [x, ^x] then :same
  end
}
# == const-path
module Shapes
  class Circle
    def initialize(r) = @r = r
    def deconstruct_keys(_) = {r: @r}
  end
end
case Shapes::Circle.new(2)
in Shapes::Circle(r:) then r * 2
end
# == nested-case-in-guard
def classify(v)
  case v
  in [x, y] if (case x; in Integer then true; else false; end) then :int_pair
  in [_, _] then :pair
  else :other
  end
end
[classify([1, 2]), classify(["a", 2]), classify(3)]
# == string-ranges
%w[apple kiwi zebra].map { |w|
  case w
  in "a".."j" then 1
  in "k".."s" then 2
  else 3
  end
}
# == empty-hash-message
begin
  {a: 1} => {}
  :matched
rescue NoMatchingPatternError => e
  [e.class, e.message]
end
# == in-with-hash-filter
events = [{type: :click, x: 1}, {type: :key, code: 13}, {type: :click, x: 7}]
events.select { |e| e in {type: :click, x: 5..} }
# == case-in-return-values
def area(shape)
  case shape
  in {kind: :rect, w:, h:} then w * h
  in {kind: :circle, r:} then (3.14 * r * r).round(1)
  in {kind:} then raise ArgumentError, "unknown #{kind}"
  end
end
[area({kind: :rect, w: 2, h: 3}), area({kind: :circle, r: 1}), (area({kind: :hex}) rescue $!.message)]
# == rightward-in-method
def parse(pair)
  pair => [String => key, Integer => value]
  "#{key}=#{value}"
end
[parse(["a", 1]), (parse(["a", "b"]) rescue $!.class)]
# == multiline-hash-pattern
config = {db: {user: "admin", port: 5432}, mode: "prod"}
case config
in {
  db: {user: String => user, port: Integer => port},
  mode: "prod"
}
  "#{user}@#{port}"
end
