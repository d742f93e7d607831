# Libraries ordinary Ruby code expects: Set, JSON, require, Kernel helpers.
# == set-ops
require "set"
a = Set[1, 2, 3]
b = Set[2, 3, 4]
[(a | b).to_a.sort, (a & b).to_a.sort, (a - b).to_a, (a ^ b).to_a.sort]
# == set-add
require "set"
s = Set.new
s << 1 << 1 << 2
[s.size, s.add?(2), s.add?(3).size]
# == set-subset
require "set"
[Set[1, 2].subset?(Set[1, 2, 3]), Set[1, 2, 3].superset?(Set[1]), Set[1].disjoint?(Set[2])]
# == set-inspect
require "set"
Set[1, 2]
# == set-from-array
[3, 1, 3].to_set.size
# == set-without-require
Set.new([1, 2]).include?(2)
# == set-each-map
require "set"
Set[1, 2, 3].map { |x| x * 2 }.sort
# == set-equality
require "set"
Set[1, 2] == Set[2, 1]
# == json-to-json
require "json"
[1, "a", nil, {b: 2}].to_json
# == json-pretty
require "json"
JSON.pretty_generate({"a" => 1, "b" => [1, 2]})
# == json-parse-symbolize
require "json"
JSON.parse('{"name": "x", "n": 1}', symbolize_names: true)
# == json-parse-error
require "json"
JSON.parse("{bad json}")
# == json-round-trip
require "json"
data = {"items" => [{"id" => 1, "price" => 9.99}], "ok" => true}
JSON.parse(JSON.generate(data)) == data
# == json-unicode
require "json"
JSON.generate({"s" => "héllo \"q\" \n"})
# == json-float
require "json"
JSON.generate([1.0, 0.1, 1e20, -0.0])
# == json-nested-parse
require "json"
JSON.parse('[1, [2, {"a": [3]}]]').dig(1, 1, "a", 0)
# == json-string-escape
require "json"
"tab\tq\"".to_json
# == require-returns
[require("set"), require("set")]
# == require-unknown
require "nokogiri"
# == require-relative
require_relative "helper"
# == load-error-class
begin
  require "totally_missing_lib"
rescue LoadError => e
  e.class
end
# == kernel-integer-float
[Integer("12"), Float("1.5"), String(12), Array(nil), Array([1]), Array(1..2), Hash(nil)]
# == kernel-rational-complex
[Rational("1/3"), Complex("1+1i")]
# == object-then
5.then { _1 + 1 }
# == frozen-literals
["a".frozen?, :a.frozen?, 1.frozen?, nil.frozen?]
# == itself
[1, 2, 1].group_by(&:itself)
# == pack-unpack
[[1, 2].pack("s*").unpack("s*"), ["abc"].pack("m").unpack1("m")]
# == pack-network
[0x01020304].pack("N").bytes
# == base64-pack
["hello"].pack("m0")
# == random-seeded-repeat
a = Random.new(7).rand(1000)
b = Random.new(7).rand(1000)
a == b
# == srand-repeat
srand(3)
x = rand(100)
srand(3)
x == rand(100)
# == object-display-methods
[1.to_s, 1.inspect, "a".to_s, "a".inspect, nil.to_s]
# == comparable-methods-on-string
"b".clamp("a", "c")
# == gc-start
GC.start
:ok
# == string-unpack1
"\x01\x00".unpack1("v")
# == array-sum-strings-error
["a", "b"].sum
# == hash-to-json-style
{"k" => [1, nil]}.to_s
# == require-time-returns
[require("time"), require("time"), require("enumerator")]
# == load-error-rescue
begin
  require "active_support"
rescue LoadError => e
  [e.class.superclass, e.message, e.path]
end
# == pp-multiple
pp(1, "two")
# == public-send-args
[1, 2, 3].public_send(:inject, :+)
# == rand-float-range
r = rand(1.0..2.0)
[r.class, r >= 1.0 && r <= 2.0, rand(5..5), Random.new(1).rand(3...4)]
# == step-by-to-float
1.0.step(by: 0.5, to: 2.0).to_a
