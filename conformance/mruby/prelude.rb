# What mruby's C test driver (mrbgems/mruby-test/driver.c) gives test/assert.rb, in Ruby, so the
# same test files run alike in the sandbox and in native bin/mruby. Ours; runs before assert.rb.

def t_print(*args)
  args.each { |a| print a.to_s }
  nil
end

# The driver's glob match for assert_raise_with_message_pattern: `*`, `?`, `[...]`, `{a,b}`, `\`.
def _str_match?(pattern, str)
  if (open = pattern.index("{")) && (close = pattern.index("}", open))
    head = pattern[0, open]
    tail = pattern[(close + 1)..-1]
    return pattern[(open + 1)...close].split(",", -1).any? { |alt| _str_match?(head + alt + tail, str) }
  end
  __kobako_glob(pattern, 0, str, 0)
end

def __kobako_glob(pat, pi, str, si)
  while pi < pat.size
    c = pat[pi]
    if c == "*"
      pi += 1 while pat[pi] == "*"
      return true if pi == pat.size
      (si..str.size).each { |k| return true if __kobako_glob(pat, pi, str, k) }
      return false
    elsif c == "?"
      return false if si >= str.size
    elsif c == "["
      return false if si >= str.size
      close = pat.index("]", pi + 2) or return false
      set = pat[(pi + 1)...close]
      negate = set.start_with?("!", "^")
      set = set[1..-1] if negate
      hit = false
      k = 0
      while k < set.size
        if set[k + 1] == "-" && k + 2 < set.size
          hit ||= set[k] <= str[si] && str[si] <= set[k + 2]
          k += 3
        else
          hit ||= set[k] == str[si]
          k += 1
        end
      end
      return false if hit == negate
      pi = close
    else
      if c == "\\"
        pi += 1
        c = pat[pi]
      end
      return false if si >= str.size || c != str[si]
    end
    pi += 1
    si += 1
  end
  si == str.size
end

module Mrbtest
  FLOAT_TOLERANCE = 1e-10
end
