# format / sprintf / String#%: numbers, padding, money, tables.
# == f2
format("%.2f", 3.14159)
# == f2-half
[format("%.2f", 0.125), format("%.2f", 0.375), format("%.2f", 2.675), format("%.1f", 0.25)]
# == f0
[format("%.0f", 0.5), format("%.0f", 1.5), format("%.0f", 2.5)]
# == pad-neg
format("%06.2f", -1.5)
# == pad-zero
format("%05d", 42)
# == pad-left-right
format("[%5s][%-5s]", "ab", "cd")
# == plus-space
[format("%+d", 5), format("% d", 5), format("%+.1f", -0.05)]
# == hex-oct-bin
format("%x %X %o %b %#x %#o %#b", 255, 255, 8, 5, 255, 8, 5)
# == negative-hex
format("%x", -255)
# == exponent
[format("%e", 12345.678), format("%.2e", 0.000123), format("%E", 1.0)]
# == general
[format("%g", 1234567.0), format("%g", 0.00001234), format("%g", 100.0), format("%.3g", 3.14159)]
# == percent-literal
format("%d%%", 50)
# == char
format("%c%c", 72, "i")
# == string-inspect
format("%p %p", "a", :b)
# == named
format("%<name>s is %<age>d", name: "Ann", age: 30)
# == named-braces
format("%{a}-%{b}", a: 1, b: "x")
# == width-star
format("%*d|%-*d|", 5, 1, 4, 2)
# == precision-string
format("%.3s", "abcdef")
# == money-thousands
n = 1234567.891
int, dec = format("%.2f", n).split(".")
int.reverse.scan(/\d{1,3}/).join(",").reverse + "." + dec
# == money-table
rows = [["Coffee", 3.5], ["Sandwich", 7.25], ["Cake", 4.0]]
rows.map { |name, price| format("%-10s %6.2f", name, price) }
# == total-line
items = [19.99, 5.01, 0.1]
format("Total: %.2f", items.sum)
# == string-percent-array
"%s: %d" % ["count", 3]
# == string-percent-single
"%.1f%%" % 12.345
# == string-percent-hash
"%{x}/%{y}" % {x: 1, y: 2}
# == too-few
format("%d %d", 1)
# == bad-type
format("%d", "abc")
# == d-of-float
format("%d", 3.99)
# == d-of-string-number
format("%d", "42")
# == f-of-integer
format("%.3f", 2)
# == f-of-big
format("%.1f", 1e20)
# == f-nan-inf
[format("%f", Float::NAN), format("%f", Float::INFINITY), format("%5.1f", -Float::INFINITY)]
# == big-d
format("%d", 2**64)
# == sprintf-alias
sprintf("%03d-%s", 7, "x")
# == printf-stdout
printf("%d items\n", 3)
nil
# == to-s-rjust-table
%w[a bb ccc].map { |s| s.rjust(4, ".") }.join("|")
# == format-f-many-digits
format("%.10f", 1.0 / 3)
# == format-f-large-precision
format("%.20f", 0.1)
# == format-e-rounding
format("%.3e", 1.0005)
# == round-vs-format
[2.675.round(2), format("%.2f", 2.675)]
# == format-bankers-check
(0..9).map { |i| format("%.1f", i * 0.05 + 0.0) }
# == format-left-zero-ignored
format("%-05d|", 3)
# == format-x-upper-prefix
format("%#X", 255)
# == format-space-pad-string
format("%10.4f|", Math::PI)
# == percentage-report
passed, total = 97, 120
format("%d/%d (%.1f%%)", passed, total, 100.0 * passed / total)
# == invoice-line
qty, unit = 3, 19.99
format("%2d x %7.2f = %8.2f", qty, unit, qty * unit)
# == time-of-day
secs = 3725
format("%02d:%02d:%02d", secs / 3600, secs % 3600 / 60, secs % 60)
# == format-nil-s
format("%s|%s", nil, false)
# == format-array-s
format("%s", [1, 2])
# == format-unicode-width
format("%-6s|", "日本")
# == format-g-large
format("%g", 1e20)
# == format-a
format("%a", 1.0)
# == float-to-s-vs-format
[0.1 + 0.2, format("%.17g", 0.1 + 0.2)]
# == format-precision-zero-d
format("%.0d", 0)
# == format-positional
format("%2$s %1$s", "world", "hello")
# == integer-with-underscores
12345678.to_s.reverse.scan(/\d{1,3}/).join("_").reverse
