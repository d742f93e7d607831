/**
 * The JavaScript services bound to the playground's sandbox. The user edits their source; it is
 * the user's own code on their own page, so it runs here with `new Function` — only the Ruby is
 * sandboxed. The source returns `{ Namespace: { Member: function or object } }`, which becomes
 * `Namespace::Member` in Ruby.
 */
import type { Sandbox, ServiceValue } from "@kobako/browser";

export const DEFAULT_SERVICES = `// Your own JavaScript: it runs in this page (not in the sandbox), with new Function.
// Return { Namespace: { Member: function or object } }; Ruby calls Namespace::Member.call(...).
const prices = { apple: 0.5, pear: 0.75, fig: 2 };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class Cart {
  items = [];
  add(item) {
    this.items.push(item);
    return this.items.length;
  }
  total() {
    return this.items.reduce((sum, item) => sum + (prices[item] ?? 0), 0);
  }
}

return {
  Shop: {
    // sync: Shop::Price.call("apple")
    Price: (item) => prices[item] ?? null,
    // async: Ruby waits for the promise
    Stock: async (item) => {
      await sleep(20);
      return item === "fig" ? 0 : 12;
    },
    // keyword arguments arrive as one trailing object
    Tax: ({ amount, rate = 0.2 }) => Math.round(amount * rate * 100) / 100,
    // a block arrives as a trailing function; calling it runs the block in Ruby
    EachItem: async (items, block) => {
      for (const item of items) await block(item, prices[item] ?? 0);
      return items.length;
    },
    // a host object: Ruby gets a handle and may call its methods
    NewCart: () => new Cart(),
    // throws: Ruby sees Kobako::ServiceError and may rescue it
    Checkout: (cart) => {
      throw new Error(\`payment declined for \${cart.items.length} item(s)\`);
    },
  },
};
`;

export type ServiceMap = Record<string, Record<string, unknown>>;

/** Thrown when the services' source does not run or returns something that cannot be bound. */
export class ServicesError extends Error {
  override name = "ServicesError";
}

/** Runs the services' source and checks the shape of what it returns. */
export function loadServices(source: string): ServiceMap {
  let value: unknown;
  try {
    value = new Function(source)();
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new ServicesError(`the services' JavaScript failed: ${message}`, { cause: error });
  }
  if (value === undefined || value === null) return {};
  if (typeof value !== "object") {
    throw new ServicesError("the services' JavaScript must return an object of namespaces");
  }
  const map: ServiceMap = {};
  for (const [namespace, members] of Object.entries(value)) {
    if (typeof members !== "object" || members === null) {
      throw new ServicesError(`${namespace} must be an object of members`);
    }
    map[namespace] = { ...members };
  }
  return map;
}

/** Binds every member to `sandbox`; kobako's TypeErrors (bad names, reserved ones) are reworded. */
export function bindServices(sandbox: Sandbox, services: ServiceMap): void {
  for (const [namespace, members] of Object.entries(services)) {
    try {
      const ns = sandbox.define(namespace);
      for (const [member, value] of Object.entries(members)) ns.bind(member, value as ServiceValue);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new ServicesError(`cannot bind ${namespace}: ${message}`, { cause: error });
    }
  }
}

/** `Shop::Price, Shop::Stock, …`: what the panel's summary lists. */
export function serviceNames(services: ServiceMap): string[] {
  return Object.entries(services).flatMap(([ns, members]) =>
    Object.keys(members).map((member) => `${ns}::${member}`),
  );
}
