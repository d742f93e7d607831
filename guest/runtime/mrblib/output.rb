# Ruby's output API on top of Kobako::Output#__write (src/output.c). There is no IO class in the
# guest: $stdout and $stderr are Kobako::Output objects that reach the host's capped buffers.
module Kobako
  class Output
    def initialize(fd)
      @fd = fd
    end

    def write(*objects)
      written = 0
      objects.each { |o| written += __write(o.to_s) }
      written
    end

    def print(*objects)
      objects.each { |o| __write(o.to_s) }
      nil
    end

    def <<(object)
      __write(object.to_s)
      self
    end

    def puts(*objects)
      if objects.empty?
        __write("\n")
        return nil
      end
      objects.each do |o|
        if o.is_a?(Array)
          puts(*o) unless o.empty? # CRuby 3.4 writes nothing for an empty array
        else
          s = o.to_s
          __write(s)
          __write("\n") unless s.end_with?("\n")
        end
      end
      nil
    end

    def printf(format, *args)
      __write(sprintf(format, *args))
      nil
    end

    def putc(c)
      __write(c.is_a?(Integer) ? (c & 0xff).chr : c.to_s[0].to_s)
      c
    end

    def flush
      self
    end

    def sync
      true
    end

    def sync=(value)
      value
    end

    def fileno
      @fd
    end

    def tty?
      false
    end
    alias isatty tty?
  end
end

$stdout = Kobako::Output.new(1)
$stderr = Kobako::Output.new(2)
STDOUT = $stdout
STDERR = $stderr

module Kernel
  # $stdout or $stderr, refusing what cannot be written to (Ruby checks at assignment; mruby
  # cannot, and `$stdout = nil; puts 1` would otherwise recurse through nil.puts).
  def __kobako_io(io, name)
    return io if io.respond_to?(:write)
    raise TypeError, "#{name} must have write method, #{io.class} given"
  end

  def puts(*objects)
    __kobako_io($stdout, "$stdout").puts(*objects)
  end

  def print(*objects)
    __kobako_io($stdout, "$stdout").print(*objects)
  end

  def p(*objects)
    out = __kobako_io($stdout, "$stdout")
    objects.each { |o| out.write(o.inspect, "\n") }
    objects.size <= 1 ? objects.first : objects
  end

  def printf(*args)
    __kobako_io($stdout, "$stdout").printf(*args) unless args.empty?
    nil
  end

  def putc(c)
    __kobako_io($stdout, "$stdout").putc(c)
  end

  def warn(*messages, uplevel: nil)
    err = __kobako_io($stderr, "$stderr")
    messages.flatten.each { |m| err.puts(m) }
    nil
  end

end
