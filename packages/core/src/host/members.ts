/**
 * The allow-list of what a guest may reach on a host value (a bound service or a handle).
 *
 * - A **function** has exactly one member, `call`, which invokes it. Its own properties, its
 *   `apply`/`bind`/`call` methods and anything of `Function.prototype` are out of reach.
 * - An **object** exposes its own properties and the members of its class prototypes: the
 *   prototype chain is walked up to, but not including, the root prototype (`Object.prototype`
 *   of any realm, or whatever ends the chain) and any callable prototype (`Function.prototype`).
 *   A method (a function-valued property) is called with the object as `this`. A data property or
 *   a getter is read by a call without arguments; only own data properties are readable, never
 *   data on a prototype. Nothing is ever written: setters are unreachable.
 * - `constructor`, `__proto__` and `prototype` are never reachable, whatever defines them.
 */

/** A member the guest may use. */
export type Member =
  // biome-ignore lint/complexity/noBannedTypes: members are arbitrary host functions.
  | { readonly kind: "method"; readonly fn: Function; readonly self: unknown }
  | { readonly kind: "property"; read(): unknown };

const FORBIDDEN: ReadonlySet<string> = new Set(["constructor", "__proto__", "prototype"]);

function fromDescriptor(
  target: object,
  descriptor: PropertyDescriptor,
  own: boolean,
): Member | undefined {
  if ("value" in descriptor) {
    const value: unknown = descriptor.value;
    if (typeof value === "function") return { kind: "method", fn: value, self: target };
    return own ? { kind: "property", read: () => value } : undefined;
  }
  const getter = descriptor.get;
  return getter ? { kind: "property", read: () => getter.call(target) } : undefined;
}

/** Whether `proto` ends the walk: a chain's root, or a callable (`Function.prototype`). */
function isBoundary(proto: object): boolean {
  return typeof proto === "function" || Object.getPrototypeOf(proto) === null;
}

/**
 * The member `name` of `target` the guest may use, or `undefined` when the allow-list (see the
 * module comment) refuses it or it does not exist.
 */
export function findMember(target: object, name: string): Member | undefined {
  if (typeof target === "function") {
    return name === "call" ? { kind: "method", fn: target, self: undefined } : undefined;
  }
  if (FORBIDDEN.has(name) || target === Object.prototype) return undefined;
  const own = Object.getOwnPropertyDescriptor(target, name);
  if (own) return fromDescriptor(target, own, true);
  let proto: object | null = Object.getPrototypeOf(target);
  while (proto !== null && !isBoundary(proto)) {
    const inherited = Object.getOwnPropertyDescriptor(proto, name);
    if (inherited) return fromDescriptor(target, inherited, false);
    proto = Object.getPrototypeOf(proto);
  }
  return undefined;
}
