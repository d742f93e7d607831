# Symbols.
# == inspect
[:abc, :"with space", :"foo=", :+, :[], :a?]
# == to-s
:hello.to_s
# == to-proc
%w[a b c].map(&:upcase)
# == compare
[:a <=> :b, :a == :a, :a.equal?(:a)]
# == length
[:hello.length, :hello.size]
# == upcase
[:abc.upcase, :Abc.downcase, :abc.capitalize, :aBc.swapcase]
# == succ
:a.succ
# == start-end
[:hello.start_with?("he"), :hello.end_with?("lo")]
# == sort
[:c, :a, :b].sort
# == to-sym-round-trip
"foo bar".to_sym.to_s
# == symbol-hash-keys
{a: 1, "a": 2}
# == all-symbols-class
:a.class
# == index
:hello[1..3]
# == empty
[:"".empty?, :a.empty?]
# == symbol-array-literal
%i[red green blue].map(&:to_s)
# == symbol-to-proc-call
:upcase.to_proc.call("x")
# == symbol-inspect-operators
[:<=>, :==, :!, :-@, :**]
# == symbol-inspect-ivar
[:@a, :@@b, :$c, :A]
# == interpolated
n = 3
:"item_#{n}"
# == symbol-frozen
:a.frozen?
# == name
:abc.name
# == symbol-in-case
case :red
when :green then "go"
when :red then "stop"
end
# == tally-symbols
[:a, :b, :a, :c, :a].tally
# == symbol-send
5.send(:+, 3)
# == symbol-respond
"x".respond_to?(:upcase)
# == symbol-method-names
[1, 2, 3].map(&:to_s).map(&:to_sym)
# == symbol-compare-string
:a == "a"
# == symbol-match
:hello =~ /ll/
# == symbol-to-sym
:a.to_sym.equal?(:a)
# == symbol-hash-lookup
h = {name: "Ann", age: 30}
h.keys
