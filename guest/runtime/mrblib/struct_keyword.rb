# Struct with keyword arguments as in CRuby 3.4: `Struct.new(:a, :b, keyword_init: true)`, and
# `S.new(a: 1, b: 2)` on any struct whose keyword_init is not false. Also the pattern matching
# hooks (deconstruct, deconstruct_keys) and each without a block.
class Struct
  class << self
    alias __kobako_struct_new new

    def new(*args, keyword_init: nil, &block)
      return __kobako_struct_new(*args, &block) unless self == Struct
      klass = __kobako_struct_new(*args, &block)
      klass.instance_variable_set(:@__keyword_init, keyword_init)
      klass.include(Kobako::StructKeywords)
      # mruby's own `new` for struct classes is C and hands keywords on as a positional hash.
      klass.singleton_class.class_eval do
        def new(*args, **kwargs, &block)
          obj = allocate
          if kwargs.empty?
            obj.__send__(:initialize, *args, &block)
          else
            obj.__send__(:initialize, *args, **kwargs, &block)
          end
          obj
        end
        alias_method :[], :new
      end
      klass
    end

    def keyword_init?
      @__keyword_init
    end
  end

  def deconstruct
    to_a
  end

  def deconstruct_keys(keys)
    h = to_h
    return h if keys.nil?
    raise TypeError, "wrong argument type #{keys.class} (expected Array or nil)" unless keys.is_a?(Array)
    out = {}
    keys.each do |k|
      break unless h.key?(k)
      out[k] = h[k]
    end
    out
  end

  alias __kobako_struct_each each

  def each(&block)
    return to_enum(:each) unless block
    __kobako_struct_each(&block)
  end
end

module Kobako
  module StructKeywords
    def initialize(*args, **kwargs)
      mode = self.class.keyword_init?
      if mode == true && !args.empty?
        raise ArgumentError, "wrong number of arguments (given #{args.size}, expected 0)"
      end
      if args.empty? && !kwargs.empty? && mode != false
        unknown = kwargs.keys - members
        raise ArgumentError, "unknown keywords: #{unknown.join(', ')}" unless unknown.empty?
        super()
        kwargs.each { |k, v| self[k] = v }
      elsif kwargs.empty?
        super(*args)
      else
        super(*args, kwargs)
      end
    end
  end
end
