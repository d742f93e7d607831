# Struct and Data.
# == new-inspect
Point = Struct.new(:x, :y)
Point.new(1, 2)
# == accessors
Point = Struct.new(:x, :y)
p = Point.new(3, 4)
p.x = 10
[p.x, p.y, p[0], p[:y], p["x"]]
# == to-a-to-h
Point = Struct.new(:x, :y)
p = Point.new(1, 2)
[p.to_a, p.to_h, p.members]
# == equality
Point = Struct.new(:x, :y)
[Point.new(1, 2) == Point.new(1, 2), Point.new(1, 2).eql?(Point.new(1, 2)), Point.new(1, 2) == Point.new(2, 1)]
# == methods-in-block
Point = Struct.new(:x, :y) do
  def dist
    Math.sqrt(x**2 + y**2)
  end

  def to_s = "(#{x}, #{y})"
end
pt = Point.new(3, 4)
[pt.dist, pt.to_s, "#{pt}"]
# == keyword-init
Person = Struct.new(:name, :age, keyword_init: true)
Person.new(name: "Ann", age: 30)
# == keyword-args-default
Person = Struct.new(:name, :age)
Person.new(name: "Bob", age: 5)
# == missing-members
Point = Struct.new(:x, :y)
Point.new(1)
# == too-many
Point = Struct.new(:x, :y)
Point.new(1, 2, 3)
# == destructure
Point = Struct.new(:x, :y)
x, y = *Point.new(5, 6)
[x, y]
# == sort-by
Item = Struct.new(:name, :price)
items = [Item.new("b", 3), Item.new("a", 1), Item.new("c", 2)]
items.sort_by(&:price).map(&:name)
# == sum
Item = Struct.new(:name, :price, :qty)
cart = [Item.new("pen", 1.5, 4), Item.new("book", 12.0, 1)]
cart.sum { |i| i.price * i.qty }
# == hash-key
Point = Struct.new(:x, :y)
h = {Point.new(1, 2) => :found}
h[Point.new(1, 2)]
# == each
Point = Struct.new(:x, :y)
Point.new(7, 8).each.to_a
# == values-at
Point = Struct.new(:x, :y, :z)
Point.new(1, 2, 3).values_at(0, 2)
# == dig
Box = Struct.new(:content)
Box.new({a: [10, 20]}).dig(:content, :a, 1)
# == struct-class-name
Point = Struct.new(:x, :y)
[Point.name, Point.new(1, 2).class, Point.members]
# == anonymous-struct
s = Struct.new(:a).new(1)
s.a
# == bad-member
Point = Struct.new(:x, :y)
Point.new(1, 2)[:z]
# == index-out-of-range
Point = Struct.new(:x, :y)
Point.new(1, 2)[5]
# == to-s
Point = Struct.new(:x, :y)
Point.new(1, "a").to_s
# == nested-inspect
Line = Struct.new(:from, :to)
Pt = Struct.new(:x, :y)
Line.new(Pt.new(0, 0), Pt.new(1, 1))
# == inheritance
class Point3 < Struct.new(:x, :y, :z)
  def sum = x + y + z
end
[Point3.new(1, 2, 3).sum, Point3.ancestors.include?(Struct)]
# == comparable-struct
Version = Struct.new(:major, :minor) do
  include Comparable
  def <=>(other) = to_a <=> other.to_a
end
[Version.new(1, 2) < Version.new(1, 10), [Version.new(2, 0), Version.new(1, 5)].max.to_a]
# == deconstruct
Point = Struct.new(:x, :y)
Point.new(1, 2).deconstruct
# == deconstruct-keys
Point = Struct.new(:x, :y)
Point.new(1, 2).deconstruct_keys([:x])
# == size
Point = Struct.new(:x, :y)
[Point.new(1, 2).size, Point.new(1, 2).length]
# == frozen-struct
Point = Struct.new(:x, :y)
p = Point.new(1, 2).freeze
p.x = 3
# == data-define
Coord = Data.define(:lat, :lng)
Coord.new(lat: 1.5, lng: 2.5)
# == data-positional
Coord = Data.define(:lat, :lng)
c = Coord.new(1, 2)
[c.lat, c.with(lng: 5).to_h]
# == data-immutable
Coord = Data.define(:lat, :lng)
Coord.new(1, 2).instance_variable_set(:@lat, 3)
# == struct-keyword-call
Person = Struct.new(:name, :age, keyword_init: true)
p = Person.new(name: "Z")
[p.name, p.age]
# == struct-filter-map
Row = Struct.new(:id, :active)
[Row.new(1, true), Row.new(2, false)].filter_map { |r| r.id if r.active }
# == struct-group
Sale = Struct.new(:region, :amount)
sales = [Sale.new("N", 10), Sale.new("S", 5), Sale.new("N", 7)]
sales.group_by(&:region).transform_values { |s| s.sum(&:amount) }
# == struct-setter-index
Point = Struct.new(:x, :y)
p = Point.new(1, 2)
p[:x] = 9
p[1] = 8
p.to_a
# == keyword-init-positional-error
P = Struct.new(:a, keyword_init: true)
P.new(1)
# == keyword-unknown
P = Struct.new(:a, :b)
P.new(a: 1, c: 2)
# == keyword-init-false
P = Struct.new(:a, :b, keyword_init: false)
P.new(a: 1)
# == keyword-init-with-block
P = Struct.new(:a, :b, keyword_init: true) do
  def sum = a + b
end
P.new(a: 1, b: 2).sum
# == data-missing-keyword
Coord = Data.define(:lat, :lng)
Coord.new(lat: 1)
# == data-too-many
Coord = Data.define(:lat, :lng)
Coord.new(1, 2, 3)
# == data-unknown-keyword
Coord = Data.define(:lat)
Coord.new(lat: 1, alt: 2)
# == data-equality-and-block
Money = Data.define(:cents, :currency) do
  def to_s = format("%.2f %s", cents / 100.0, currency)
end
a = Money.new(150, "EUR")
[a == Money[150, "EUR"], a.eql?(Money.new(cents: 150, currency: "EUR")), a.to_s, Money.members, a.frozen?]
