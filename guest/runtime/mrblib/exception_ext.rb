# Exception#inspect, #detailed_message and #full_message in CRuby 3.4's form, and #== as CRuby
# compares exceptions (same class, message and backtrace). Exception#cause is not here: it
# needs the exception being handled at raise time, which only the VM knows.
class Exception
  def inspect
    name = self.class.to_s
    msg = message.to_s
    return name if msg.empty?
    msg.include?("\n") ? "#<#{name}:#{msg.inspect}>" : "#<#{name}: #{msg}>"
  end

  def detailed_message(highlight: false, **_options)
    msg = message.to_s
    return "unhandled exception" if msg.empty? && self.class == RuntimeError
    return self.class.to_s if msg.empty?
    first, rest = msg.split("\n", 2)
    rest ? "#{first} (#{self.class})\n#{rest}" : "#{first} (#{self.class})"
  end

  def full_message(highlight: false, order: :top, **_options)
    trace = backtrace || []
    head = trace.empty? ? "" : "#{trace[0]}: "
    lines = ["#{head}#{detailed_message(highlight: highlight)}"]
    trace.drop(1).each { |l| lines << "\tfrom #{l}" }
    lines = [lines[0]] + lines.drop(1).reverse if order == :bottom
    lines.join("\n") + "\n"
  end

  def ==(other)
    return true if equal?(other)
    other.class == self.class && other.message == message && other.backtrace == backtrace
  end
end

module Kernel
  # Prints each object's inspect on its own line, as p does, and returns its argument(s).
  def pp(*objects)
    p(*objects)
  end

  # send that respects visibility (guest patch 31): a private or protected method raises
  # NoMethodError as a call with an explicit receiver does.
  def public_send(name, *args, **kwargs, &block)
    if !respond_to?(name) && respond_to?(name, true)
      kind = self.class.protected_method_defined?(name) ? "protected" : "private"
      raise NoMethodError.new("#{kind} method '#{name}' called for #{Kobako.__recv_desc(self)}", name.to_sym)
    end
    kwargs.empty? ? __send__(name, *args, &block) : __send__(name, *args, **kwargs, &block)
  end
end
