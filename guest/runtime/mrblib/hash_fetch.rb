# Hash#fetch as CRuby: "key not found: :b" (mruby capitalises it) and a KeyError that knows its
# key and receiver, as `rescue KeyError => e; e.key` expects.
class KeyError
  def initialize(message = nil, receiver: nil, key: nil)
    super(message)
    @receiver = receiver
    @key = key
  end

  def key
    raise ArgumentError, "no key is available" unless @key || @receiver
    @key
  end

  def receiver
    raise ArgumentError, "no receiver is available" unless @key || @receiver
    @receiver
  end
end

class Hash
  def fetch(key, *default, &block)
    if default.size > 1
      raise ArgumentError, "wrong number of arguments (given #{default.size + 1}, expected 1..2)"
    end
    return self[key] if key?(key)
    return block.call(key) if block
    return default[0] unless default.empty?
    raise KeyError.new("key not found: #{key.inspect}", receiver: self, key: key)
  end
end
