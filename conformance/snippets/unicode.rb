# UTF-8 strings: characters, case mapping, character-wise operations.
# == length
["héllo".length, "héllo".bytesize, "日本語".length, "日本語".bytesize]
# == reverse
"héllo".reverse
# == index-char
["日本語テキスト"[2], "日本語テキスト"[1, 3], "héllo".index("l")]
# == upcase-accents
"école".upcase
# == downcase-accents
"École".downcase
# == capitalize-accent
"élan".capitalize
# == swapcase-accent
"ÀbÇ".swapcase
# == upcase-german
"straße".upcase
# == downcase-greek
"ΑΒΓ".downcase
# == tr-accent
"héllo".tr("é", "e")
# == tr-multi
"àéîõü".tr("àéîõü", "aeiou")
# == delete-accent
"héllo".delete("é")
# == count-accent
"été".count("é")
# == squeeze-accent
"ééé-ààà".squeeze
# == chars
"añb".chars
# == each-char-map
"日本".each_char.map(&:ord)
# == ord
["é".ord, "日".ord, "😀".ord]
# == chr
[233.chr(Encoding::UTF_8), 0x65E5.chr("UTF-8")]
# == center
"日本".center(6, "*")
# == ljust
"é".ljust(3, ".") + "|"
# == slugify
"Crème Brûlée Recipe".downcase.gsub(/[^a-z0-9]+/, "-")
# == slugify-w
"Crème".gsub(/\W+/, "-")
# == emoji
s = "I ❤️ Ruby 😀"
[s.length, s.bytesize]
# == split-unicode
"α,β,γ".split(",")
# == inspect
["日本", "é", "😀"].inspect
# == compare
["é" <=> "e", "b" < "é"]
# == sort
["zèbre", "apple", "école", "Zoo"].sort
# == scan-words
"naïve café résumé".scan(/\S+/).map(&:length)
# == start-with
"Ünïcödé".start_with?("Ü")
# == unicode-normalize
"é".unicode_normalize(:nfd).length
# == bytes
"é".bytes
# == byteslice-invalid
"é".byteslice(0, 1).valid_encoding?
# == encode
"héllo".encode("UTF-8").length
# == escape-sequences
"\u00e9\u65e5"
# == casecmp-unicode
"École".casecmp?("école")
# == sub-unicode
"café".sub("é", "e")
# == chars-select
"Hëllo Wörld".chars.select { |c| c =~ /[a-z]/ }.join
# == succ-unicode
"α".succ
# == to-sym-unicode
:"日本".to_s
# == each-char-index
"héllo".each_char.with_index.find { |c, _| c == "l" }
# == tr-ranges-negation
["naïve café".tr("a-zé", "A-ZÉ"), "über".tr("^ü", "*"), "日本語".tr("日", "月"), "ñandú".delete("ñú"), "ééaa".squeeze("é")]
# == count-sets
["crème brûlée".count("éèû"), "crème brûlée".count("a-zé", "^e"), "àà".count("à-á")]
