# Time as CRuby builds and compares it: Time.at with a unit (:millisecond, :usec, :nsec),
# month names and "mon out of range" in Time.utc/gm/local/mktime, eql?/hash by value (a Time
# works as a Hash key), and Time#round/floor/ceil to whole seconds and fractions.
class Time
  MONTH_ABBREVIATIONS = %w[jan feb mar apr may jun jul aug sep oct nov dec].freeze

  class << self
    alias __kobako_at at

    def at(seconds, sub = nil, unit = :microsecond, **_zone)
      return sub.nil? ? __kobako_at(seconds) : __kobako_at(seconds, sub) if unit == :microsecond || unit == :usec
      usec =
        case unit
        when :millisecond then sub * 1000
        when :nanosecond, :nsec then sub.is_a?(Integer) ? sub / 1000 : (sub / 1000.0).floor
        else raise ArgumentError, "unexpected unit: #{unit}"
        end
      __kobako_at(seconds, usec)
    end

    %i[utc gm local mktime].each do |name|
      alias_method :"__kobako_#{name}", name

      define_method(name) do |year, month = 1, *rest|
        if month.is_a?(String)
          index = MONTH_ABBREVIATIONS.index(month[0, 3].downcase)
          month = index ? index + 1 : month.to_i
        end
        raise ArgumentError, "mon out of range" unless month.is_a?(Integer) && month >= 1 && month <= 12
        __send__(:"__kobako_#{name}", year, month, *rest)
      end
    end
  end

  def eql?(other)
    other.is_a?(Time) && self == other
  end

  def hash
    [to_i, usec].hash
  end

  def round(digits = 0)
    __kobako_to_usec(digits) { |u, step| (u + step / 2) / step * step }
  end

  def floor(digits = 0)
    __kobako_to_usec(digits) { |u, step| u / step * step }
  end

  def ceil(digits = 0)
    __kobako_to_usec(digits) { |u, step| (u + step - 1) / step * step }
  end

  def __kobako_to_usec(digits)
    digits = 6 if digits > 6
    step = 10**(6 - digits)
    u = yield(usec, step)
    t = Time.at(to_i + u / 1_000_000, u % 1_000_000)
    utc? ? t.utc : t
  end
end
