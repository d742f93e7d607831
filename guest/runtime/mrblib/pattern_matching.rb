# Pattern matching (`case/in`, `expr => pattern`, `expr in pattern`): the guest's parser (patch
# 20-pattern-matching) lowers a pattern onto ordinary calls; the ones that need more than `===`
# land here, as singleton methods of NoMatchingPatternError (a constant every match can reach
# whatever `self` is). Each returns the value to match further (or true) on success and false on
# failure, after recording why it failed: a case/in with one `in` and no `else`, and `expr =>
# pattern`, raise with CRuby's message for the last failure, anything else with `inspect`.
class NoMatchingPatternError < StandardError
  class << self
    # [p1, p2, *rest, p3]: the deconstructed array when it has n elements (n or more with a rest)
    def __ary(value, n, rest)
      return __fail(:deconstruct, value) unless value.respond_to?(:deconstruct)
      array = __deconstruct(value)
      return array if rest ? array.size >= n : array.size == n
      __fail(:length, array, n, rest)
    end

    # [*, p1, ..., pn, *]: the deconstructed array when it is long enough to hold n elements
    def __find(value, n)
      return __fail(:deconstruct, value) unless value.respond_to?(:deconstruct)
      array = __deconstruct(value)
      return array if array.size >= n
      __fail(:length, array, n, true)
    end

    # after the search of a find pattern: did it stop at a match?
    def __found(array, i, n)
      i + n <= array.size || __fail(:find, array)
    end

    # {k: p, **rest}: the hash deconstruct_keys gives for keys (nil when **rest wants them all)
    def __hash(value, keys)
      return __fail(:deconstruct_keys, value) unless value.respond_to?(:deconstruct_keys)
      hash = value.deconstruct_keys(keys)
      raise TypeError, "deconstruct_keys must return Hash" unless hash.is_a?(Hash)
      hash
    end

    def __key(hash, key)
      hash.key?(key) || __fail(:key, hash, key)
    end

    def __rest(hash, keys)
      hash.reject { |k, _| keys.include?(k) }
    end

    # **nil: no key besides the ones named
    def __norest(hash, keys)
      rest = __rest(hash, keys)
      rest.empty? || __fail(:rest, rest)
    end

    # {}: only an empty hash
    def __empty(hash)
      hash.empty? || __fail(:empty, hash)
    end

    def __eq(pattern, value)
      (pattern === value) || __fail(:eq, pattern, value)
    end

    def __guard
      __fail(:guard)
    end

    def __raise(subject, detailed)
      why = @__why
      @__why = nil
      raise NoMatchingPatternError, subject.inspect unless detailed && why
      kind, a, b, c = why
      if kind == :key
        raise NoMatchingPatternKeyError.new("#{subject.inspect}: key not found: #{b.inspect}", matchee: a, key: b)
      end
      raise NoMatchingPatternError, "#{subject.inspect}: #{__message(kind, a, b, c)}"
    end

    private

    def __deconstruct(value)
      array = value.deconstruct
      raise TypeError, "deconstruct must return Array" unless array.is_a?(Array)
      array
    end

    def __fail(*why)
      @__why = why
      false
    end

    def __message(kind, a, b, c)
      case kind
      when :eq then "#{a.inspect} === #{b.inspect} does not return true"
      when :length then "#{a.inspect} length mismatch (given #{a.size}, expected #{b}#{c ? '+' : ''})"
      when :find then "#{a.inspect} does not match to find pattern"
      when :rest then "rest of #{a.inspect} is not empty"
      when :empty then "#{a.inspect} is not empty"
      when :guard then "guard clause does not return true"
      else "#{a.inspect} does not respond to ##{kind}"
      end
    end
  end
end

class NoMatchingPatternKeyError < NoMatchingPatternError
  attr_reader :matchee, :key

  def initialize(message = nil, matchee: nil, key: nil)
    super(message)
    @matchee = matchee
    @key = key
  end
end

class Array
  def deconstruct
    self
  end
end

class Hash
  def deconstruct_keys(_keys)
    self
  end
end
