# == generate-nested
require "json"
JSON.generate({"a" => {"b" => [1, {"c" => nil}]}, :d => "e"})
# == generate-symbol-values
require "json"
JSON.generate([:a, 1.5, -3, true, false])
# == generate-control-chars
require "json"
JSON.generate(["\u0001\u001f", "a/b", "\\"])
# == generate-nan
require "json"
JSON.generate([Float::NAN])
# == generate-custom-to-json
require "json"
class Money
  def initialize(c) = @c = c
  def to_json(*a) = {"cents" => @c}.to_json(*a)
end
JSON.generate({"price" => Money.new(150)})
# == generate-object-to-s
require "json"
class Tag
  def to_s = "tag!"
end
JSON.generate([Tag.new])
# == pretty-empty
require "json"
JSON.pretty_generate({"a" => [], "b" => {}, "c" => [{}]})
# == pretty-nested
require "json"
JSON.pretty_generate([1, {"x" => [true, nil]}])
# == parse-scalars
require "json"
[JSON.parse("2"), JSON.parse("-1.5e3"), JSON.parse('"x"'), JSON.parse("null")]
# == parse-escapes
require "json"
JSON.parse('["\u00e9\n", "\ud83d\ude00", "a\/b", "q\"t"]')
# == parse-whitespace
require "json"
JSON.parse(" \n{ \"a\" :\t[ 1 , 2 ] }\r\n ")
# == parse-big-integer
require "json"
JSON.parse("[12345678901234567890, 1E2, 0.5]")
# == parse-empty
require "json"
JSON.parse("")
# == parse-trailing-comma
require "json"
JSON.parse("[1, 2,]")
# == parse-unclosed-array
require "json"
JSON.parse("[1, 2")
# == parse-bad-value
require "json"
JSON.parse('{"a": tru}')
# == parse-trailing-garbage
require "json"
JSON.parse("[1] x")
# == parse-single-quotes
require "json"
JSON.parse("{'a': 1}")
# == parse-leading-zero
require "json"
JSON.parse("[01]")
# == parse-nan-refused
require "json"
JSON.parse("[NaN]")
# == parse-too-deep
require "json"
JSON.parse("[" * 101 + "]" * 101)
# == parse-deep-allowed
require "json"
JSON.parse("[" * 100 + "]" * 100).flatten
# == parse-very-deep
require "json"
JSON.parse("[" * 100_000)
# == parse-nil
require "json"
JSON.parse(nil)
# == parse-error-class
require "json"
[JSON::ParserError.ancestors.include?(StandardError), JSON::NestingError.superclass]
# == parse-rescue
require "json"
begin
  JSON.parse("{")
rescue JSON::ParserError
  :invalid
end
# == parse-large-array
require "json"
JSON.parse("[" + (1..2000).to_a.join(",") + "]").sum
# == parse-symbolize-nested
require "json"
JSON.parse('{"a": [{"b": 1}]}', symbolize_names: true)
# == to-json-scalars
require "json"
[nil.to_json, 1.to_json, 2.5.to_json, "é".to_json, :s.to_json, true.to_json]
# == generate-too-deep
require "json"
a = []
b = a
200.times { c = []; b << c; b = c }
JSON.generate(a)
# == dump-load
require "json"
JSON.load(JSON.dump({"k" => [1, "two"]}))
