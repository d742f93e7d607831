# Time#strftime as CRuby formats it (flags - _ 0 ^ #, widths, E/O modifiers ignored, and the
# composite directives), plus the small Time helpers that go with it: utc_offset, iso8601/
# xmlschema, to_a, subsec. The guest has no time zone database: local time is UTC.
class Time
  DAY_NAMES = %w[Sunday Monday Tuesday Wednesday Thursday Friday Saturday].freeze
  MONTH_NAMES = %w[January February March April May June July August September October
                   November December].freeze

  unless method_defined?(:utc_offset)
    def utc_offset
      return 0 if utc?
      (Time.utc(year, month, day, hour, min, sec) - Time.at(to_i)).round
    end
    alias gmt_offset utc_offset
    alias gmtoff utc_offset
  end

  def strftime(format)
    format = format.to_str
    out = String.new
    i = 0
    n = format.size
    while i < n
      c = format[i]
      if c != "%" || i + 1 >= n
        out << c
        i += 1
        next
      end
      j = i + 1
      flags = String.new
      while j < n && "-_0^#".include?(format[j])
        flags << format[j]
        j += 1
      end
      width = nil
      while j < n && format[j] >= "0" && format[j] <= "9"
        width = width.to_i * 10 + format[j].to_i
        j += 1
      end
      colons = 0
      while j < n && format[j] == ":"
        colons += 1
        j += 1
      end
      j += 1 if j < n && (format[j] == "E" || format[j] == "O")
      conv = format[j]
      raise ArgumentError, "invalid format: #{format}" if conv.nil?
      piece = __kobako_directive(conv, flags, width, colons)
      if piece.nil?
        out << format[i..(j < n ? j : n - 1)]
      else
        out << piece
      end
      i = j + 1
    end
    out
  end

  def iso8601(digits = 0)
    frac = digits > 0 ? "." + format("%06d", usec).ljust(digits, "0")[0, digits] : ""
    strftime("%Y-%m-%dT%H:%M:%S") + frac + (utc? ? "Z" : strftime("%:z"))
  end
  alias xmlschema iso8601

  unless method_defined?(:to_a)
    def to_a
      [sec, min, hour, day, month, year, wday, yday, false, zone]
    end
  end

  unless method_defined?(:subsec)
    def subsec
      usec == 0 ? 0 : Rational(usec, 1_000_000)
    end
  end

  def __kobako_directive(conv, flags, width, colons)
    case conv
    when "Y"
      y = year
      return __kobako_pad(y, flags, width, y < 0 ? 5 : 4, "0") if width || y < 0
      y.to_s
    when "C" then __kobako_pad(year.div(100), flags, width, 2, "0")
    when "y" then __kobako_pad(year % 100, flags, width, 2, "0")
    when "m" then __kobako_pad(month, flags, width, 2, "0")
    when "d" then __kobako_pad(day, flags, width, 2, "0")
    when "e" then __kobako_pad(day, flags, width, 2, " ")
    when "j" then __kobako_pad(yday, flags, width, 3, "0")
    when "H" then __kobako_pad(hour, flags, width, 2, "0")
    when "k" then __kobako_pad(hour, flags, width, 2, " ")
    when "I" then __kobako_pad((hour % 12).zero? ? 12 : hour % 12, flags, width, 2, "0")
    when "l" then __kobako_pad((hour % 12).zero? ? 12 : hour % 12, flags, width, 2, " ")
    when "M" then __kobako_pad(min, flags, width, 2, "0")
    when "S" then __kobako_pad(sec, flags, width, 2, "0")
    when "L", "N"
      digits = width || (conv == "L" ? 3 : 9)
      format("%06d", usec).ljust(digits, "0")[0, digits]
    when "z" then __kobako_zone_offset(flags, width, colons)
    when "Z" then __kobako_text(utc? ? "UTC" : (zone || "").to_s, flags.sub("#", "L"), width)
    when "A" then __kobako_text(DAY_NAMES[wday], flags, width)
    when "a" then __kobako_text(DAY_NAMES[wday][0, 3], flags, width)
    when "B" then __kobako_text(MONTH_NAMES[month - 1], flags, width)
    when "b", "h" then __kobako_text(MONTH_NAMES[month - 1][0, 3], flags, width)
    when "p" then __kobako_text(hour < 12 ? "AM" : "PM", flags.sub("#", "L"), width)
    when "P" then __kobako_text(hour < 12 ? "am" : "pm", flags, width)
    when "u" then __kobako_pad(wday.zero? ? 7 : wday, flags, width, 1, "0")
    when "w" then __kobako_pad(wday, flags, width, 1, "0")
    when "U" then __kobako_pad((yday - 1 - wday + 7) / 7, flags, width, 2, "0")
    when "W" then __kobako_pad((yday - 1 - (wday - 1) % 7 + 7) / 7, flags, width, 2, "0")
    when "G" then __kobako_pad(__kobako_iso_week[0], flags, width, 4, "0")
    when "g" then __kobako_pad(__kobako_iso_week[0] % 100, flags, width, 2, "0")
    when "V" then __kobako_pad(__kobako_iso_week[1], flags, width, 2, "0")
    when "s" then __kobako_pad(to_i, flags, width, 1, "0")
    when "n" then __kobako_text("\n", flags, width)
    when "t" then __kobako_text("\t", flags, width)
    when "%" then __kobako_text("%", flags, width)
    else
      # Composite directives: padded to the width even with "-", never case-swapped by "#".
      composite = { "F" => "%Y-%m-%d", "T" => "%H:%M:%S", "X" => "%H:%M:%S", "D" => "%m/%d/%y",
                    "x" => "%m/%d/%y", "R" => "%H:%M", "r" => "%I:%M:%S %p",
                    "c" => "%a %b %e %H:%M:%S %Y", "v" => "%e-%^b-%4Y" }[conv]
      composite && __kobako_text(strftime(composite), flags.delete("-").delete("#"), width)
    end
  end

  def __kobako_pad(value, flags, width, default_width, fill)
    return value.to_s if flags.include?("-")
    fill = " " if flags.include?("_")
    fill = "0" if flags.include?("0")
    w = width || default_width
    s = value.abs.to_s
    sign = value < 0 ? "-" : ""
    if fill == "0"
      sign + s.rjust(w - sign.size, "0")
    else
      (sign + s).rjust(w, " ")
    end
  end

  def __kobako_text(s, flags, width)
    # ^ and # upcase; # on %p and %Z (passed here as L) downcases.
    s = s.upcase if flags.include?("^") || flags.include?("#")
    s = s.downcase if flags.include?("L")
    return s if width.nil? || flags.include?("-")
    s.rjust(width, flags.include?("0") ? "0" : " ")
  end

  def __kobako_zone_offset(flags, width, colons)
    off = utc_offset
    sign = off < 0 ? "-" : "+"
    off = off.abs
    hh = off / 3600
    mm = off % 3600 / 60
    ss = off % 60
    body =
      case colons
      when 0 then format("%02d%02d", hh, mm)
      when 1 then format("%02d:%02d", hh, mm)
      else format("%02d:%02d:%02d", hh, mm, ss)
      end
    s = sign + body
    return s if width.nil? || width <= s.size
    fill = flags.include?("_") ? " " : "0"
    fill == "0" ? sign + body.rjust(width - 1, "0") : s.rjust(width, " ")
  end

  # [ISO year, ISO week number] (weeks start on Monday; week 1 holds the year's first Thursday).
  def __kobako_iso_week
    wd = wday.zero? ? 7 : wday
    thursday = yday - wd + 4 # day of year of this week's Thursday
    y = year
    if thursday < 1
      y -= 1
      thursday += (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 366 : 365
    else
      days = (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 366 : 365
      if thursday > days
        thursday -= days
        y += 1
      end
    end
    [y, (thursday - 1) / 7 + 1]
  end
end
