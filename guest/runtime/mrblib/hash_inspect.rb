# Hash#inspect in CRuby 3.4's form: `{a: 1, "b" => 2, 1 => 2}`. A symbol key is written as a
# label (`a: 1`) when it reads back as one, otherwise quoted (`"my key": 1`, `"a=": 1`);
# every other key as `key.inspect => value.inspect`. A hash inside itself shows as `{...}`.
class Hash
  def inspect
    return "{}" if empty?
    stack = (Kobako.__inspecting ||= [])
    return "{...}" if stack.any? { |h| h.equal?(self) }
    stack.push(self)
    begin
      out = String.new("{")
      first = true
      each do |key, value|
        out << ", " unless first
        first = false
        if key.is_a?(Symbol)
          out << Kobako.__symbol_label(key) << " "
        else
          out << key.inspect << " => "
        end
        out << value.inspect
      end
      out << "}"
    ensure
      stack.pop
    end
  end
  alias to_s inspect

  # mruby 3.1's Array#inspect calls _inspect on its elements.
  if method_defined?(:_inspect)
    def _inspect(_recur_list = nil)
      inspect
    end
  end
end

module Kobako
  class << self
    attr_accessor :__inspecting
  end

  # `name:` when the symbol is a plain name, else `"quoted":` (CRuby's symbol_key_needs_quote).
  def self.__symbol_label(sym)
    name = sym.to_s
    plain = sym.inspect[1] != '"' && !name.empty? && !"@$!".include?(name[0]) &&
            !"+-*/`%^&|]<=>~@".include?(name[-1])
    plain ? "#{name}:" : "#{name.inspect}:"
  end
end
