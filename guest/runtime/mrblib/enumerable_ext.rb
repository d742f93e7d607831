# Enumerable methods mruby (3.1 and 3.3) lacks: chunk_while, slice_when, chunk, each_entry,
# grep_v. Each returns what CRuby returns (an Enumerator where CRuby gives one).
module Enumerable
  def chunk_while(&block)
    raise ArgumentError, "tried to create Proc object without a block" unless block
    __kobako_slice_between { |a, b| !block.call(a, b) }
  end

  def slice_when(&block)
    raise ArgumentError, "tried to create Proc object without a block" unless block
    __kobako_slice_between(&block)
  end

  def __kobako_slice_between(&split)
    source = self
    Enumerator.new do |y|
      group = nil
      prev = nil
      source.each do |x|
        if group.nil?
          group = [x]
        elsif split.call(prev, x)
          y << group
          group = [x]
        else
          group << x
        end
        prev = x
      end
      y << group unless group.nil?
    end
  end

  def chunk(&block)
    return to_enum(:chunk) unless block
    source = self
    Enumerator.new do |y|
      key = nil
      group = nil
      source.each do |x|
        k = block.call(x)
        if k.nil? || k == :_separator
          y << [key, group] if group
          group = nil
        elsif k == :_alone
          y << [key, group] if group
          y << [:_alone, [x]]
          group = nil
        elsif k.is_a?(Symbol) && k.to_s.start_with?("_")
          raise RuntimeError, "symbols beginning with an underscore are reserved"
        elsif group && key == k
          group << x
        else
          y << [key, group] if group
          key = k
          group = [x]
        end
      end
      y << [key, group] if group
    end
  end

  def each_entry(*args, &block)
    return to_enum(:each_entry, *args) unless block
    each(*args) do |*xs|
      block.call(xs.size > 1 ? xs : xs.first)
    end
    self
  end

  def grep_v(pattern, &block)
    out = []
    each do |x|
      next if pattern === x
      out << (block ? block.call(x) : x)
    end
    out
  end
end

module Enumerable
  # Set comes from mruby-set (mruby 3.3); to_set is the one conversion it leaves out.
  def to_set(klass = nil, *args, &block)
    klass ||= Set
    klass.new(self, *args, &block)
  end
end
