export interface Example {
  id: string;
  title: string;
  source: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: "hello",
    title: "Hello, world",
    source: `puts "Hello, world!"

# The value of the last expression is the result.
"Hello from mruby #{RUBY_VERSION}"
`,
  },
  {
    id: "formula",
    title: "A pricing formula",
    source: `price    = 120.0
quantity = 3
discount = quantity >= 3 ? 0.1 : 0.0

subtotal = price * quantity
total    = (subtotal * (1 - discount)).round(2)

{ "subtotal" => subtotal, "discount" => discount, "total" => total }
`,
  },
  {
    id: "values",
    title: "Values across the boundary",
    source: `# Integers past 2**53 arrive as bigint; invalid UTF-8 as bytes (Uint8Array).
[nil, true, 42, 2**62, 2.5, -0.0, "text", :sym, [1, [2]], { "a" => 1 }, { 1 => "one" }, "\\xFF"]
`,
  },
  {
    id: "output",
    title: "stdout and stderr",
    source: `3.times { |i| puts "line #{i + 1}" }
print "no newline", "\\n"
p [1, :two, "three"]
printf("%05.1f%%\\n", 12.345)
$stderr.puts "this goes to stderr"
warn "so does this"
:done
`,
  },
  {
    id: "raise",
    title: "Raising an exception",
    source: `class InsufficientFunds < StandardError; end

def withdraw(balance, amount)
  raise InsufficientFunds, "balance #{balance} < #{amount}" if amount > balance
  balance - amount
end

withdraw(100, 30)
withdraw(70, 120)
`,
  },
  {
    id: "syntax-error",
    title: "A syntax error",
    source: `def broken(
  puts "this never parses"
`,
  },
  {
    id: "loop",
    title: "A runaway loop (try Stop)",
    source: `n = 0
loop { n += 1 }
`,
  },
];
