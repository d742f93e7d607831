# Regexp: matching, captures, substitution, scanning, escapes and classes.
# == match-op
"hello world" =~ /wor/
# == match-nil
"hello" =~ /xyz/
# == match-data
m = "John Smith".match(/(\w+) (\w+)/)
[m[0], m[1], m[2], m.pre_match, m.post_match, m.captures]
# == named-captures
m = /(?<year>\d{4})-(?<month>\d{2})/.match("Date: 2024-05-17")
[m[:year], m["month"], m.names, m.named_captures]
# == named-captures-order
/(?<a>x)(?<b>y)(?<c>z)/.match("xyz").named_captures
# == dollar-vars
"price: 42 EUR" =~ /(\d+) (\w+)/
[$~[0], $1, $2, $`, $']
# == dollar-in-block
%w[a1 b2].map { |s| s =~ /(\d)/ ? $1 : nil }
# == dollar-in-grep-block
%w[x1 y2].grep(/(\d)/) { $1 }
# == dollar-in-gsub-block
"a1b2".gsub(/(\d)/) { ($1.to_i * 2).to_s }
# == scan
"a1 b22 c333".scan(/\d+/)
# == scan-groups
"k1=v1; k2=v2".scan(/(\w+)=(\w+)/)
# == scan-block
r = []
"x=1 y=2".scan(/(\w)=(\d)/) { |k, v| r << k + v }
r
# == gsub
"hello world".gsub(/o/, "0")
# == gsub-backref
"John Smith".sub(/(\w+) (\w+)/, '\2, \1')
# == gsub-named-backref
"2024-05".sub(/(?<y>\d+)-(?<m>\d+)/, '\k<m>/\k<y>')
# == gsub-hash
"cat hat".gsub(/[ch]at/, "cat" => "dog", "hat" => "cap")
# == gsub-block
"hello world".gsub(/\b\w/) { |c| c.upcase }
# == gsub-w-ascii
"Crème brûlée".gsub(/\W+/, "-")
# == d-ascii
"١٢٣ 123".scan(/\d+/)
# == s-ascii
"a\u00a0b c".split(/\s/)
# == w-ascii
"naïve".scan(/\w+/)
# == b-boundary
"café au lait".scan(/\b\w+\b/)
# == posix-class
"abc123DEF".scan(/[[:upper:]]+|[[:digit:]]+/)
# == unicode-property
"héllo Wörld".scan(/\p{Alpha}+/)
# == case-insensitive
["HeLLo" =~ /hello/i, "É" =~ /é/i]
# == multiline
"a\nb" =~ /a.b/m
# == extended
/ (\d+) \s* (\w+) # amount and unit
/x.match("12 kg").captures
# == anchors
["line1\nline2".scan(/^line\d$/), "ab\n" =~ /b\z/, "ab\n" =~ /b\Z/]
# == lookaround
["price100".scan(/(?<=price)\d+/), "foobar foobaz".scan(/foo(?=baz)/)]
# == non-greedy
"<b>bold</b><i>it</i>".scan(/<.+?>/)
# == split-regexp
"a1b22c333d".split(/\d+/)
# == split-captures
"a-b_c".split(/([-_])/)
# == match-predicate
["abc".match?(/b/), "abc".match?(/z/), /b/.match?("abc")]
# == match-pos
"aXbXc".index(/X/, 2)
# == regexp-inspect
[/a\/b/.inspect, /a\/b/.source, %r{a/b}.inspect, /x/i.inspect]
# == regexp-to-s
/ab+/mi.to_s
# == regexp-escape
Regexp.escape("1.5 + (2*3)?")
# == regexp-union
Regexp.union("a.b", /c|d/)
# == regexp-new-string
Regexp.new("h(.)llo").match("hello")[1]
# == regexp-interpolation
word = "wor"
"hello world" =~ /#{word}ld/
# == last-match
"abc" =~ /b/
Regexp.last_match(0)
# == email-validate
%w[a@b.co bad@ x.y@z.org].map { |e| e.match?(/\A[\w.+-]+@[\w-]+\.[\w.]+\z/) }
# == phone-extract
"Call 555-123-4567 or 555.987.6543".scan(/\d{3}[-.]\d{3}[-.]\d{4}/)
# == tokenize
"3 + 4 * (2 - 1)".scan(/\d+|[-+*\/()]/)
# == sub-first-only
"aaa".sub(/a/, "b")
# == gsub-empty-match
"abc".gsub(/x*/, "-")
# == case-when-regexp
def kind(s)
  case s
  when /\A\d+\z/ then :int
  when /\A\d+\.\d+\z/ then :float
  else :word
  end
end
%w[12 1.5 hi].map { |s| kind(s) }
# == matchdata-begin-end
m = "hello world".match(/o w/)
[m.begin(0), m.end(0), m.offset(0)]
# == matchdata-values-at
m = /(\d)(\d)(\d)/.match("123")
m.values_at(1, 3)
# == matchdata-to-a
/(\w)(\d)?/.match("a").to_a
# == string-slice-regexp
["key: value"[/:\s*(.*)/, 1], "abc"[/z/]]
# == gsub-special-chars
"a.b.c".gsub(".", "\\")
# == tr-vs-gsub
"hello".gsub(/[el]/, "e" => "3", "l" => "1")
# == regexp-error
Regexp.new("(")
# == unicode-regexp-index
"héllo wörld" =~ /w/
# == regexp-equality
[/a/ == /a/, /a/ == /a/i, /a/.hash == /a/.hash]
# == regexp-options
[/a/i.options, /a/.casefold?, /a/mix.options]
# == named-capture-locals
if /(?<user>\w+)@(?<host>\w+)/ =~ "me@example"
  [user, host]
end
# == match-all-positions
s = "abcabc"
pos = []
s.scan(/b/) { pos << $~.begin(0) }
pos
# == sub-bang-nil
(+"abc").sub!(/z/, "y")
# == gsub-with-hash-default
"a-b".gsub(/[ab]/, "a" => "1")
# == start-with-regexp
"hello".start_with?(/h.l/)
# == squeeze-spaces-regexp
"a   b \t c".gsub(/\s+/, " ")
# == strip-html
"<p>Hello <b>you</b></p>".gsub(/<[^>]+>/, "")
# == csv-split-quoted
'a,"b,c",d'.scan(/"[^"]*"|[^,]+/)
# == match-with-pos
/\d/.match("a1b2", 2)[0]
# == scan-named
"a=1,b=2".scan(/(?<k>\w)=(?<v>\d)/)
# == regexp-source-escapes
/\d+\.\d*/.source
# == freeze-regexp
/a/.frozen?
# == inspect-escaped-slash
[Regexp.new("a\\/b").inspect, Regexp.new("a/b/c").inspect, %r{x/y}i.inspect]
# == grep-dollar-tilde
%w[k=1 x v=22].grep(/(\w)=(\d+)/) { [$1, $2, $~[0]] }
# == named-capture-locals-no-match
user = "old"
/(?<user>\w+)@(?<host>\w+)/ =~ "nobody"
[user, defined?(host), host]
