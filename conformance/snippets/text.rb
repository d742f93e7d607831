# Text: formatting, padding, scanning and slicing strings as reports and forms do.
# == center-unicode
["é".center(5, "*"), "日本".ljust(5, "."), "ü".rjust(3, "ab"), "abc".center(2)]
# == ljust-table
rows = [["Apple", 1.5], ["Kiwi", 12.25]]
rows.map { |n, p| n.ljust(8) + format("%8.2f", p) }
# == percent-operator
["%05.1f" % 3.14159, "%-6s|" % "ab", "%+d" % 5, "%x" % 255, "%08b" % 10, "%s and %s" % %w[a b], "%c" % 10004]
# == percent-hash
"%{name} is %{age}" % { name: "Ann", age: 30 }
# == percent-hash-format
"%<price>.2f / %<unit>s" % { price: 3.5, unit: "kg" }
# == percent-missing-key
"%{x}" % { y: 1 }
# == format-too-few
format("%s %s", "a")
# == format-escape-percent
[format("100%%"), format("%5.1f%%", 12.345), format("%-5d|", 42), format("% d", 42)]
# == format-exponent
[format("%e", 12345.678), format("%.2e", 0.000123), format("%g", 1e-5), format("%g", 123456789.0), format("%10.3e", -1.5)]
# == format-integer-width
[format("%3d", 12345), format("%.3d", 7), format("%+05d", -3), format("%o", 8), format("%#x", 255), format("%#o", 8)]
# == format-float-int-arg
[format("%.2f", 3), format("%d", 3.99), format("%d", -3.99), format("%f", 1r/3)]
# == format-string-precision
[format("%.3s", "abcdef"), format("%5.2s|", "abc"), format("%-10s|", "é")]
# == format-nil-s
[format("%s", nil), format("%p", nil), format("%p", "a"), format("%-4p|", :a)]
# == format-star-width
[format("%*d", 5, 42), format("%-*d|", 4, 1), format("%.*f", 2, 3.14159)]
# == format-big-int
[format("%d", 2**70), format("%x", 2**64), (format("%,d", 1) rescue $!.class)]
# == format-negative-hex
[format("%x", -255), format("%b", -5), format("%#b", 5)]
# == scan-groups
"a1 b22 c333".scan(/([a-z])(\d+)/)
# == scan-words-unicode
"naïve café, déjà vu".scan(/\p{L}+/)
# == scan-numbers
"Total: $1,234.50 + $5".scan(/\$([\d,]+(?:\.\d+)?)/).flatten.map { _1.delete(",").to_f }
# == each-char-unicode
"añb😀".each_char.to_a
# == gsub-hash
"cat hat".gsub(/[ch]/, "c" => "k", "h" => "H")
# == gsub-block-match
"john smith".gsub(/\b\w/) { $&.upcase }
# == gsub-backrefs
["2024-01-15".gsub(/(\d+)-(\d+)-(\d+)/, '\3/\2/\1'), "ab".gsub(/(?<x>a)/, '[\k<x>]'), "a.b".gsub(".", "\\\\")]
# == sub-bang-nil
s = +"hello"
[s.sub!("z", "y"), s.gsub!("l", "L"), s]
# == slice-unicode
s = "héllo wörld"
[s[1], s[1, 3], s[-5..], s[0...-6], s.slice(6, 100), s[20, 1]]
# == string-index-regexp
s = "order #123 shipped"
[s[/\d+/], s[/#(\d+)/, 1], s =~ /ship/, s.index(/\d/), s.match?(/SHIP/i)]
# == string-insert-prepend
s = +"world"
s.prepend("hello ")
s.insert(5, ",")
s.concat("!", "!")
s
# == string-times-center
("=" * 10).center(20, "-")
# == string-succ
["a".succ, "az".succ, "zz".succ, "a9".succ, "Zz".succ, "1.9".succ]
# == string-upto
"a".upto("e").to_a
# == string-ord-sum
"abc".sum
# == string-each-line
"line1\nline2\r\nline3".each_line.map(&:chomp)
# == string-lines
["a\nb\n".lines, "a\n\nb".lines, "x".lines]
# == string-split-regexp
["a1b22c".split(/\d+/), "a, b;c".split(/[,;]\s*/), "abc".split(//), "a b".split(" ", -1), "a,b,,".split(",", -1)]
# == string-partition
["key=value=x".partition("="), "key=value=x".rpartition("="), "abc".partition("z")]
# == string-start-end-multi
["report.csv".end_with?(".csv", ".tsv"), "Mr. X".start_with?(/mr/i), "abc".delete_suffix("c")]
# == string-format-method
"Name: %-10s Age: %3d" % ["Bob", 42]
# == string-squish
"  too   many    spaces  ".split.join(" ")
# == string-titleize
"the quick brown fox".split.map(&:capitalize).join(" ")
# == string-snake-camel
["HelloWorldFoo".gsub(/([a-z])([A-Z])/, '\1_\2').downcase, "hello_world_foo".split("_").map.with_index { |w, i| i.zero? ? w : w.capitalize }.join]
# == string-truncate
def truncate(s, n) = s.size > n ? s[0, n - 1] + "…" : s
[truncate("Hello world", 6), truncate("Hi", 6)]
# == string-palindrome
s = "A man, a plan, a canal: Panama"
t = s.downcase.gsub(/[^a-z0-9]/, "")
t == t.reverse
# == string-count-vowels
"Programming in Ruby".downcase.count("aeiou")
# == string-char-frequency
"mississippi".chars.tally.max_by { |_, v| v }
# == string-caesar
"Hello, World!".tr("A-Za-z", "N-ZA-Mn-za-m")
# == string-each-char-with-index
"abc".each_char.with_index.map { |c, i| c * (i + 1) }.join("-")
# == string-unicode-reverse-upcase
["héllo".reverse, "ÅNGSTRÖM".downcase, "éa".upcase, "ß".upcase]
# == string-compare-casecmp-unicode
["Äpfel".casecmp?("äPFEL"), "a".casecmp("B"), "b" <=> "a"]
# == string-hex-oct
["ff".hex, "0x1f".hex, "777".oct, "0b101".oct, "12abc".to_i]
# == string-to-sym-inspect
["hello world".to_sym, :"foo-bar", :a?, :b=, :[]]
# == string-inspect-escapes
["tab\there", "quote\"s", "back\\slash", "nul\0", "é", "\e[0m", "#{1}\#{x}"]
# == string-dump
["é\n".dump, "a\"b".dump]
# == string-encoding-utf8-default
["abc".encoding, "é".bytesize, "é".bytes, "€".unpack("U*")]
# == string-multiline-heredoc
text = <<~EOS
  Dear #{"Ann"},
    Indented line
  Thanks
EOS
text
# == string-freeze-dup
a = "x".freeze
b = a.dup
c = +a
b << "y"
[a, b, c.frozen?, a.frozen?]
# == string-eql-hash
["a".hash == "a".hash, "a".eql?("a"), "a".equal?("a"), :a.equal?(:a)]
# == string-include-range
[("a".."z").include?("m"), ("a".."z").include?("mm"), ("a".."z").cover?("mm"), ("aa".."bb").to_a.size]
# == string-between
["m".between?("a", "z"), "B".between?("a", "z")]
# == string-chars-each-slice
"abcdefgh".chars.each_slice(3).map(&:join)
# == string-mask-card
card = "4111111111111111"
card[-4..].rjust(card.size, "*")
# == string-wrap
text = "The quick brown fox jumps over the lazy dog"
text.scan(/\S.{0,14}(?=\s|\z)/)
# == string-tr-delete-unicode
["héllo".tr("é", "e"), "héllo".delete("l"), "ààb".squeeze, "naïve".count("ï")]
# == string-slice-bang
s = +"hello world"
r = s.slice!(0, 6)
[r, s]
# == string-swap-chars
s = +"abc"
s[0], s[2] = s[2], s[0]
s
# == string-assign-index
s = +"hello"
s[0] = "J"
s[-1..] = "y!"
s[/l+/] = "L"
s
# == string-ljust-error
"a".ljust(5, "")
# == string-unpack1-int
"\x01\x00\x00\x00".unpack1("L<")
# == range-step-float
[(1.0..2.0).step(0.5).to_a, 1.step(10, 3).to_a, (1..10).step(4).to_a]
# == range-percent
((1..10) % 3).to_a
# == range-endless-beginless
r = (5..)
[r.first(3), r.include?(100), (..5).include?(-3), (..5).cover?(6), r.size, (1...).lazy.map { _1 * 3 }.first(2)]
# == range-sum
[(1..100).sum, (1...10).sum, (1..10).step(2).sum, ('a'..'c').sum("")]
# == range-string-each
("aa".."ad").to_a
# == range-min-max-minmax
[(1..10).minmax, (1...10).max, (1.0..2.5).max, ("a".."e").min]
# == range-to-a-error
(1..).to_a
# == range-count-tally
(1..20).count(&:even?)
# == range-each-slice-index
(1..10).each_slice(4).map(&:sum)
# == range-case-grade
def grade(s)
  case s
  when 90.. then "A"
  when 80...90 then "B"
  when 70...80 then "C"
  else "F"
  end
end
[95, 85, 75, 10].map { grade(_1) }
# == range-inspect
[(1..5), (1...5), (1..), (..1), ("a".."c"), (1.5..2)]
# == range-eq-hash
[(1..3) == (1..3), (1..3).eql?(1..3), (1..3) == (1...4), (1..3).to_a == (1...4).to_a]
# == range-float-include
[(1..2).include?(1.5), (1..2) === 2.0, (1...2).cover?(2), (0.1..0.3).include?(0.2)]
# == range-reverse-each
(1..4).reverse_each.to_a
# == range-overlap
[(1..5).overlap?(5..7), (1...5).overlap?(5..7)]
# == time-at-utc
t = Time.at(0).utc
[t.year, t.month, t.strftime("%Y-%m-%d %H:%M:%S %Z"), t.to_i]
# == time-at-strftime
Time.at(1_700_000_000).utc.strftime("%a %b %-d %Y %I:%M %p")
# == time-utc-iso
t = Time.utc(2024, 2, 29, 13, 5, 9)
[t.iso8601, t.strftime("%FT%T%:z"), t.wday, t.yday, t.to_s, t.inspect]
# == time-arithmetic
t = Time.utc(2024, 12, 31, 23, 59, 59)
[(t + 1).year, (t - 86_400).day, ((Time.utc(2025, 1, 1) - Time.utc(2024, 1, 1)) / 86_400).to_i]
# == time-compare-sort
ts = [Time.utc(2024, 5, 1), Time.utc(2023, 1, 1), Time.utc(2024, 1, 1)]
[ts.min.year, ts.sort.map(&:month), ts.max == Time.utc(2024, 5, 1)]
# == time-utc-predicates
t = Time.utc(2024, 7, 4)
[t.utc?, t.monday?, t.thursday?, t.month, t.hour, t.zone]
# == time-strftime-padding
t = Time.utc(2024, 3, 5, 7, 8, 9)
[t.strftime("%d/%m/%y"), t.strftime("%e %l %k"), t.strftime("%j %U %W"), t.strftime("%s %N %L")]
# == time-usec-float
t = Time.at(1.5).utc
[t.usec, t.to_f, t.strftime("%3N")]
# == time-parts-to-a
t = Time.utc(2000, 1, 2, 3, 4, 5)
[t.to_a.first(6), t.min, t.sec, t.day, t.mday]
# == time-new-utc-offset
t = Time.new(2024, 1, 1, 12, 0, 0, "+02:00")
[t.utc_offset, t.utc.hour, t.strftime("%z")]
# == time-age-calc
born = Time.utc(1990, 6, 15)
now = Time.utc(2024, 6, 14)
now.year - born.year - ((now.month > born.month || (now.month == born.month && now.day >= born.day)) ? 0 : 1)
# == string-succ-carry
["a-9".succ, "1.9.9".succ, "v1.2.9".succ, "Az-zz".succ, "<<koala>>".succ, "1999zzz".succ, "ZZZ9999".succ, "***".succ, "a9-".succ, "zz.99".next]
# == string-succ-range
("file-8".."file-11").to_a
