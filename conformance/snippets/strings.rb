# Strings: building, slicing, searching, transforming, formatting helpers.
# == concat
"foo" + "bar"
# == interpolate
name = "Ada"
"Hello, #{name}! You are #{36 + 1}."
# == multiply
"ab" * 3
# == length
["hello".length, "".size, "hello world".bytesize]
# == upcase-downcase
["Hello".upcase, "Hello".downcase, "hello world".capitalize, "Hello".swapcase]
# == reverse
"stressed".reverse
# == include
["hello".include?("ell"), "hello".start_with?("he"), "hello".end_with?("lo", "x")]
# == index
["hello".index("l"), "hello".rindex("l"), "hello".index("z"), "hello".index("l", 3)]
# == slice
s = "hello world"
[s[0], s[-1], s[0, 5], s[6..], s[1..3], s[20]]
# == slice-string
"hello world"["world"]
# == split
"a,b,,c".split(",")
# == split-limit
"a,b,c,d".split(",", 2)
# == split-whitespace
"  one two   three ".split
# == split-chars
"abc".split("")
# == chars-bytes
["héllo".chars, "hé".bytes]
# == strip
["  hi  ".strip, "  hi  ".lstrip, "  hi  ".rstrip, "xxhixx".delete_prefix("xx").delete_suffix("xx")]
# == chomp-chop
["line\n".chomp, "line\r\n".chomp, "hello".chop, "path/".chomp("/")]
# == center-ljust
["hi".center(8, "*"), "hi".ljust(5, "."), "hi".rjust(5)]
# == sub-gsub-string
["hello".sub("l", "L"), "hello".gsub("l", "L"), "a-b-c".tr("-", "_")]
# == tr-ranges
"hello".tr("a-y", "b-z")
# == delete-squeeze-count
["hello".delete("l"), "mississippi".squeeze, "mississippi".squeeze("s"), "hello world".count("lo")]
# == replace-mutate
s = +"hello"
s << " world"
s.upcase!
s
# == frozen-literal-mutate
s = "abc".freeze
s << "d"
# == freeze-frozen
["abc".frozen?, "abc".dup.frozen?, :abc.to_s.frozen?]
# == compare
["a" <=> "b", "b" <=> "a", "a" == "a", "abc".eql?("abc"), "a" < "b"]
# == casecmp
["Hello".casecmp("hello"), "Hello".casecmp?("hello")]
# == empty
["".empty?, " ".empty?, "a".empty?]
# == ord-chr
["a".ord, 97.chr, "abc".sum]
# == succ
["a".succ, "az".succ, "zz".succ, "a9".succ, "Zz".succ]
# == upto
"a".upto("e").to_a
# == each-char
out = []
"abc".each_char { |c| out << c.upcase }
out
# == each-line
"one\ntwo\nthree".each_line.map(&:chomp)
# == lines
"a\nb\n".lines
# == format-op
"%05.1f|%-5s|%x" % [3.14159, "ab", 255]
# == to-sym
"hello world".to_sym
# == hex-oct
["ff".hex, "777".oct, "0x1f".hex]
# == start-end-multiple
"report.pdf".end_with?(".doc", ".pdf")
# == partition
["key=value=x".partition("="), "key=value=x".rpartition("=")]
# == insert
"hello".insert(2, "XX")
# == prepend
s = +"world"
s.prepend("hello ")
# == each-with-index-chars
"abc".each_char.with_index.map { |c, i| "#{i}#{c}" }.join
# == palindrome
w = "A man, a plan, a canal: Panama"
clean = w.downcase.delete("^a-z")
clean == clean.reverse
# == word-count
text = "the quick brown fox jumps over the lazy dog the end"
text.split.tally.max_by { |_, n| n }
# == titleize
"hello big world".split.map(&:capitalize).join(" ")
# == snake-case
"HelloBigWorld".gsub(/([A-Z])/) { "_" + $1.downcase }.sub(/^_/, "")
# == camel-case
"hello_big_world".split("_").map.with_index { |w, i| i.zero? ? w : w.capitalize }.join
# == truncate
s = "The quick brown fox"
s.length > 10 ? s[0, 10] + "..." : s
# == inspect-escapes
"tab\there \"quoted\" back\\slash\n".inspect
# == inspect-unicode
"héllo wörld ✓".inspect
# == inspect-control
"\e[1m\x00\x7f".inspect
# == dump
"héllo\n".dump
# == string-times-join
(["ab"] * 3).join("-")
# == heredoc
text = <<~EOS
  Dear #{"Bob"},
    Thanks!
EOS
text
# == percent-literals
[%w[a b c], %i[x y], %q(single 'q'), %Q(double #{1 + 1})]
# == char-literal
?a + ?b
# == string-new
String.new("abc", capacity: 10)
# == encoding
"abc".encoding
# == force-encoding
"abc".dup.force_encoding("ASCII-8BIT").encoding
# == b
"héllo".b
# == valid-encoding
["abc".valid_encoding?, "\xff".valid_encoding?]
# == unpack
"ABC".unpack("C*")
# == pack
[72, 105].pack("C*")
# == scan-string
"banana".scan("an")
# == each-byte-sum
"abc".each_byte.sum
# == unary-plus-minus
a = "lit"
b = +a
[b.frozen?, (-b).frozen?, b.equal?(a)]
# == setbyte
s = +"abc"
s.setbyte(0, 65)
s
# == string-slice-assign
s = +"hello world"
s[0, 5] = "HELLO"
s
# == string-index-assign
s = +"cat"
s["c"] = "b"
s
# == ljust-table
[["apple", 3], ["kiwi", 12]].map { |n, q| n.ljust(8) + q.to_s.rjust(4) }
# == squish
"  too   many    spaces  ".split.join(" ")
# == between
"m".between?("a", "z")
# == string-to-i-float
["3.7".to_i, "3.7".to_f, "12abc".to_f]
# == string-mult-error
"a" * -1
# == string-plus-int
"a" + 1
# == string-concat-multi
s = +"a"
s.concat("b", "c")
# == string-eq-symbol
"a" == :a
# == chars-uniq-sort
"mississippi".chars.uniq.sort.join
# == slice-bang
s = +"hello"
s.slice!(1..2)
[s]
# == each-grapheme
"héllo".each_grapheme_cluster.to_a.size
# == count-vowels
"programming language".count("aeiou")
# == caesar
"Hello, World!".tr("A-Za-z", "N-ZA-Mn-za-m")
# == string-hash-equal
"abc".hash == "abc".dup.hash
# == string-hash-key
{"abc" => 1}["ab" + "c"]
# == crypt-like-sum
"password".bytes.each_slice(2).map(&:sum)
# == string-byteslice
"hello".byteslice(1, 3)
# == string-ascii-only
["abc".ascii_only?, "héllo".ascii_only?]
# == string-undump
"\"\\u00e9\"".undump
# == binary-inspect-ascii
"abc\n".b
# == force-encoding-utf8-back
"é".b.encoding.to_s
# == encoding-names
[Encoding::UTF_8.name, Encoding::BINARY.to_s, Encoding::US_ASCII.inspect]
# == encode-ascii-error
"é".encode("US-ASCII")
# == encoding-find-unknown
Encoding.find("nope")
# == binary-sources
[[1, 2].pack("C*").encoding, [233].pack("U").encoding, "é".b.dup.encoding, Random.new(1).bytes(2).encoding]
# == binary-back-to-utf8
s = "héllo".b
[s.size, s.force_encoding("UTF-8").size, s.encoding, s.valid_encoding?]
# == binary-pack-inspect
[1, 255].pack("Cn").inspect
