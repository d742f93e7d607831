# Encodings: UTF-8 text and binary (ASCII-8BIT) strings, converting between them.
# == encode-binary-non-ascii
"é".encode("BINARY")
# == encode-binary-ascii
s = "abc".encode("BINARY")
[s, s.encoding]
# == binary-plus-keeps-encoding
s = "ab".b + "cd".b
[s, s.encoding]
# == binary-plus-utf8-ascii
s = "\xFF".b + "abc"
[s, s.encoding, s.size]
# == binary-index
s = "\xE2\x82\xACabc".b
[s[0], s[0].encoding, s[1, 2], s[0..2].bytesize]
# == binary-gsub
s = "a\xFFb".b.gsub("b", "c")
[s, s.encoding]
# == binary-times
s = "\x00\xFF".b * 2
[s, s.encoding, s.size]
# == binary-upcase
s = "abc\xFF".b.upcase
[s, s.encoding]
# == binary-slice-bytes
s = "héllo".b
[s.size, s.bytesize, s[1], s[1..2].bytes]
# == binary-reverse
"é".b.reverse.bytes
# == binary-each-char
"é!".b.each_char.map(&:ord)
# == force-encoding-roundtrip
s = "héllo".b
t = s.dup.force_encoding("UTF-8")
[s.size, t.size, t, t.encoding, t.valid_encoding?]
# == force-encoding-invalid
s = "\xFFabc".dup.force_encoding("UTF-8")
[s.valid_encoding?, s.size, s.scrub("?")]
# == scrub-default
"ab\xFFcd".scrub
# == scrub-block
"ab\xFEcd".scrub { |b| "<#{b.unpack1('H*')}>" }
# == encode-ascii-replace
"café".encode("US-ASCII", undef: :replace, replace: "*")
# == encode-ascii-error
"café".encode("US-ASCII")
# == encoding-name
["x".encoding.name, "x".b.encoding.to_s, Encoding::UTF_8.to_s, Encoding::BINARY.name]
# == encoding-inspect
["x".encoding, "x".b.encoding]
# == bytes-pack-unpack
[[104, 105].pack("C*"), "hi".unpack("C*"), "hi".unpack1("H*")]
# == unpack1-formats
s = [1, 258, 65535].pack("nnn")
[s.unpack1("n"), s.unpack("n*"), s.bytesize]
# == pack-n-little-endian
[[1].pack("V").bytes, [1].pack("N").bytes, [1, 2].pack("v*").unpack("v*")]
# == pack-base64
s = ["hello world"].pack("m0")
[s, s.unpack1("m0"), s.encoding]
# == pack-hex
["616263"].pack("H*")
# == pack-u-utf8
s = [233, 8364].pack("U*")
[s, s.encoding, s.unpack("U*")]
# == unpack-q-signed
[[-1].pack("q").unpack1("q"), [-2].pack("l<").unpack1("l<"), [2**40].pack("Q>").unpack1("Q>")]
# == bytes-sum-checksum
"hello".bytes.sum % 256
# == byteslice
s = "héllo"
[s.byteslice(0, 1), s.byteslice(1, 2), s.byteslice(3..)]
# == getbyte-setbyte
s = +"abc"
s.setbyte(0, 65)
[s, s.getbyte(1), s.getbyte(10)]
# == ord-chr-utf8
["é".ord, 233.chr(Encoding::UTF_8), 8364.chr("UTF-8"), 65.chr]
# == chr-out-of-range
300.chr
# == each-byte
"ab".each_byte.to_a
# == binary-eq-utf8
["abc".b == "abc", "é".b == "é", "é".b.eql?("é")]
# == binary-hash-key
h = { "abc".b => 1 }
[h["abc"], h.keys.first.encoding]
# == binary-inspect-mixed
"a\x00\x7F\xC3\xA9\n\t".b
# == binary-concat-utf8-nonascii
"\xFF".b + "é"
# == string-new-binary
s = String.new
[s.encoding, String.new("x").encoding, String.new(capacity: 10).encoding]
# == binary-ljust
s = "ab".b.ljust(4, "\x00")
[s, s.encoding]
# == utf8-valid-check
["héllo".valid_encoding?, "\xC3".dup.force_encoding("UTF-8").valid_encoding?, "abc".ascii_only?, "é".ascii_only?]
# == unicode-escape
["\u00e9" == "é", "\u{1F600}".bytesize, "\u20AC".bytes]
# == bytes-to-hex
"Hi!".bytes.map { |b| format("%02x", b) }.join
# == hex-to-bytes
["48692"].pack("H*").bytes
# == unpack-a-z
"abc\x00\x00def".unpack("Z*a3")
# == pack-a-padding
["ab", "cd"].pack("a4A4")
# == binary-split
s = "a,b,\xFF".b.split(",")
[s, s.map(&:encoding)]
# == binary-start-with
["\x89PNG\r\n".b.start_with?("\x89PNG".b), "\x89PNG".b.bytes.first]
