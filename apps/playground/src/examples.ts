export interface Example {
  id: string;
  title: string;
  source: string;
  /** Examples that call the JavaScript services of the services panel. */
  services?: true;
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
    id: "truncated",
    title: "Too much output (truncated)",
    source: `# The playground keeps 64 KiB of each stream; the rest is dropped and flagged.
10_000.times { |i| puts "line #{i}: #{"." * 20}" }
$stderr.puts "stderr is capped separately"
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
    id: "services-sync-async",
    title: "Services: sync and async",
    services: true,
    source: `# Shop::Price is a plain JavaScript function.
# Shop::Stock is async: Ruby waits for its promise.
%w[apple pear fig kiwi].map do |item|
  [item, Shop::Price.call(item), Shop::Stock.call(item)]
end
`,
  },
  {
    id: "services-kwargs",
    title: "Services: keyword arguments",
    services: true,
    source: `# Keyword arguments reach JavaScript as one object: { amount, rate }.
subtotal = 12.4
tax = Shop::Tax.call(amount: subtotal, rate: 0.2)

{ "subtotal" => subtotal, "tax" => tax, "total" => subtotal + tax }
`,
  },
  {
    id: "services-block",
    title: "Services: a block",
    services: true,
    source: `# JavaScript gets the block as a function: each call runs it here.
count = Shop::EachItem.call(%w[apple pear fig]) do |item, price|
  puts "#{item.ljust(6)} #{format("%.2f", price)}"
end

"#{count} items"
`,
  },
  {
    id: "services-handle",
    title: "Services: a handle to a host object",
    services: true,
    source: `# A JavaScript object arrives as a handle: Ruby cannot look inside,
# but may call its methods, which run in the page.
cart = Shop::NewCart.call
cart.add("apple")
cart.add("fig")

p cart
cart.total
`,
  },
  {
    id: "services-rescue",
    title: "Services: an error rescued in Ruby",
    services: true,
    source: `# A service that throws raises Kobako::ServiceError in Ruby.
cart = Shop::NewCart.call
cart.add("pear")

begin
  Shop::Checkout.call(cart)
rescue Kobako::ServiceError => e
  puts "rescued: #{e.message}"
  :declined
end
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
