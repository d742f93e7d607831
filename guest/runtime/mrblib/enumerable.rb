# Enumerable#sum, which mruby 3.1 lacks and formulas use all the time.
module Enumerable
  def sum(init = 0)
    total = init
    if block_given?
      each { |x| total += yield(x) }
    else
      each { |x| total += x }
    end
    total
  end
end
