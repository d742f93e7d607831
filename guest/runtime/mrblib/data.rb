# Data (Ruby 3.2+): immutable value objects, `Coord = Data.define(:lat, :lng)`, built with
# positional or keyword arguments, compared by value, shown as `#<data Coord lat=1, lng=2>`.
# mruby 3.3 builds do not include it (mruby-data is not among the guest's gems).
unless Object.const_defined?(:Data)
  class Data
    def self.define(*names, &block)
      names = names.map do |n|
        raise TypeError, "#{n.inspect} is not a symbol nor a string" unless n.is_a?(Symbol) || n.is_a?(String)
        n.to_sym
      end
      raise ArgumentError, "duplicate member: #{names.find { |n| names.count(n) > 1 }}" if names.uniq.size != names.size
      klass = Class.new(self)
      klass.instance_variable_set(:@__members, names.freeze)
      names.each do |n|
        klass.define_method(n) { instance_variable_get(:"@#{n}") }
      end
      klass.class_eval(&block) if block
      klass
    end

    def self.members
      @__members || (superclass.respond_to?(:members) ? superclass.members : [])
    end

    def self.new(*args, **kwargs)
      raise NoMethodError, "undefined method 'new' for class Data" if self == Data
      names = members
      if !args.empty?
        if args.size > names.size
          raise ArgumentError, "wrong number of arguments (given #{args.size}, expected 0..#{names.size})"
        end
        args.each_with_index { |v, i| kwargs[names[i]] = v }
      end
      obj = allocate
      obj.__send__(:initialize, **kwargs)
      obj.freeze
    end

    class << self
      alias [] new
    end

    def initialize(**kwargs)
      names = self.class.members
      unknown = kwargs.keys.map(&:to_sym) - names
      unless unknown.empty?
        raise ArgumentError, "unknown keyword#{unknown.size > 1 ? 's' : ''}: #{unknown.map(&:inspect).join(', ')}"
      end
      missing = names - kwargs.keys.map(&:to_sym)
      unless missing.empty?
        raise ArgumentError, "missing keyword#{missing.size > 1 ? 's' : ''}: #{missing.map(&:inspect).join(', ')}"
      end
      kwargs.each { |k, v| instance_variable_set(:"@#{k}", v) }
    end

    def members
      self.class.members
    end

    def to_h(&block)
      h = {}
      members.each { |n| h[n] = __send__(n) }
      block ? h.to_h(&block) : h
    end

    def with(**changes)
      return self if changes.empty?
      self.class.new(**to_h.merge(changes))
    end

    def deconstruct
      members.map { |n| __send__(n) }
    end

    def deconstruct_keys(keys)
      h = to_h
      keys.nil? ? h : h.select { |k, _| keys.include?(k) }
    end

    def ==(other)
      other.class == self.class && other.to_h == to_h
    end

    def eql?(other)
      other.class == self.class && other.to_h.eql?(to_h)
    end

    def hash
      [self.class, to_h].hash
    end

    def inspect
      name = self.class.name
      fields = members.map { |n| "#{n}=#{__send__(n).inspect}" }.join(", ")
      "#<data #{name ? "#{name} " : ''}#{fields}>"
    end
    alias to_s inspect
  end
end
