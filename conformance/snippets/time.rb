# Time at fixed instants (never Time.now): construction, parts, arithmetic, strftime.
# == at-utc
Time.at(0).utc
# == at-utc-inspect
Time.at(1_700_000_000).utc.inspect
# == at-to-s
Time.at(1_700_000_000).utc.to_s
# == utc-new
Time.utc(2024, 2, 29, 13, 45, 30)
# == gm
Time.gm(2000, 1, 1)
# == parts
t = Time.utc(2024, 7, 14, 9, 5, 3)
[t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday]
# == to-i
Time.utc(2024, 1, 1).to_i
# == to-f
Time.at(1.5).utc.to_f
# == plus-seconds
(Time.utc(2024, 1, 1) + 86_400).day
# == minus-time
Time.utc(2024, 3, 1) - Time.utc(2024, 2, 1)
# == days-between
((Time.utc(2024, 12, 25) - Time.utc(2024, 1, 1)) / 86_400).to_i
# == compare
[Time.utc(2024, 1, 1) < Time.utc(2024, 1, 2), Time.at(5) == Time.at(5)]
# == strftime-date
Time.utc(2024, 7, 4, 15, 30).strftime("%Y-%m-%d %H:%M")
# == strftime-names
Time.utc(2024, 7, 4).strftime("%A %B %-d, %Y")
# == strftime-abbrev
Time.utc(2024, 7, 4).strftime("%a %b %e %j %U")
# == strftime-12h
Time.utc(2024, 7, 4, 15, 5).strftime("%I:%M %p")
# == strftime-iso
Time.utc(2024, 7, 4, 15, 5, 9).strftime("%FT%T%z")
# == strftime-zone
Time.utc(2024, 1, 1).strftime("%Z")
# == strftime-epoch
Time.utc(2024, 1, 1).strftime("%s")
# == strftime-percent
Time.utc(2024, 1, 1).strftime("100%% %y")
# == iso8601
Time.utc(2024, 7, 4, 15, 5, 9).iso8601
# == wday-name
%w[Sun Mon Tue Wed Thu Fri Sat][Time.utc(2024, 7, 4).wday]
# == weekend
t = Time.utc(2024, 7, 6)
t.saturday? || t.sunday?
# == leap-day-next
(Time.utc(2024, 2, 28) + 86_400).strftime("%m-%d")
# == month-end
(Time.utc(2023, 3, 1) - 86_400).day
# == utc-predicate
[Time.utc(2024, 1, 1).utc?, Time.at(0).utc.zone]
# == usec
Time.at(1, 500_000, :usec).utc.usec
# == round-sec
Time.at(1.6).utc.round.to_i
# == sort-times
[Time.at(30), Time.at(10), Time.at(20)].sort.map(&:to_i)
# == age
born = Time.utc(1990, 8, 15)
today = Time.utc(2024, 5, 1)
age = today.year - born.year
age -= 1 if ([today.month, today.day] <=> [born.month, born.day]).negative?
age
# == duration-format
secs = (Time.utc(2024, 1, 1, 12, 30) - Time.utc(2024, 1, 1, 9, 15)).to_i
"#{secs / 3600}h #{secs % 3600 / 60}m"
# == hash-key-time
h = {Time.at(0) => :epoch}
h[Time.at(0)]
# == to-a
Time.utc(2024, 1, 2, 3, 4, 5).to_a.first(6)
# == invalid-month
Time.utc(2024, 13, 1)
# == time-minus-number
(Time.utc(2024, 1, 1) - 1).year
# == mon-mday
t = Time.utc(2024, 5, 6)
[t.mon, t.mday]
# == beginning-of-day
t = Time.utc(2024, 5, 6, 13, 14, 15)
Time.utc(t.year, t.month, t.day).to_i
# == strftime-padding
Time.utc(2024, 1, 5, 7).strftime("%d/%-m %k|%l|%H")
# == ctime
Time.utc(2024, 1, 5, 7, 8, 9).ctime
# == time-class
Time.at(0).class
# == localtime-offset-zero
Time.at(0).utc.utc_offset
# == time-succ-like
(Time.utc(2024, 1, 1) + 0.5).subsec
# == time-eql
Time.utc(2024, 1, 1).eql?(Time.utc(2024, 1, 1))
# == time-with-string-month
Time.utc(2024, "feb", 3).month
# == strftime-flags
Time.utc(2024, 3, 9, 8, 5, 7).strftime("%-H:%_M|%^a|%#b|%010A|%3N|%L")
# == strftime-iso-week
[Time.utc(2021, 1, 1), Time.utc(2024, 12, 30), Time.utc(2020, 12, 31)].map { |t| t.strftime("%G-W%V-%u %U %W") }
# == strftime-composite
Time.utc(2024, 7, 4, 15, 5, 9).strftime("%c|%D|%R|%r|%v|%x|%X")
# == strftime-zone-colons
Time.utc(2024, 1, 1).strftime("%:z %::z %z %C %y %e %P")
# == strftime-unknown
Time.utc(2024, 1, 1).strftime("%Q %5")
# == at-units
[Time.at(1, 250, :millisecond).utc.usec, Time.at(1, 1500, :nsec).utc.usec, Time.at(2, 7, :usec).utc.usec]
# == month-names
[Time.utc(2024, "Dec", 1).month, Time.gm(2024, "jan").month, Time.utc(2024, 12).month]
# == time-round-floor-ceil
t = Time.at(10, 654_321).utc
[t.round(2).usec, t.floor(1).usec, t.ceil(3).usec, t.round.to_i, t.floor.to_i, t.ceil.to_i]
# == time-uniq
[Time.at(5), Time.at(5), Time.at(6)].uniq.size
