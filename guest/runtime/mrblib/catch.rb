# catch/throw as exceptions. mruby-catch's own version unwinds with `break`, which cannot cross
# a C frame: a throw from a block run by a host service (src/service.c) ended in LocalJumpError.
# Kobako::ThrowJump (created in src/gem.c with MRB_FL_CLASS_IS_THROW) passes every rescue clause
# that does not name it, `rescue Exception` included (guest patch 32), as CRuby's throw does;
# `ensure` clauses run.
module Kobako
  class ThrowJump < Exception
    attr_reader :tag, :value

    def initialize(tag, value)
      @tag = tag
      @value = value
      super("throw #{tag.inspect} outside its catch")
    end
  end

  def self.__catch_tags
    @__catch_tags ||= []
  end
end

module Kernel
  def catch(tag = Object.new)
    tags = Kobako.__catch_tags
    tags.push(tag)
    begin
      yield tag
    rescue Kobako::ThrowJump => e
      raise e unless e.tag.equal?(tag)
      e.value
    ensure
      tags.pop
    end
  end

  def throw(tag, value = nil)
    raise UncaughtThrowError.new(tag, value) unless Kobako.__catch_tags.any? { |t| t.equal?(tag) }
    raise Kobako::ThrowJump.new(tag, value)
  end
end
