import { SandboxError } from "../errors.js";
import type { ServiceSpec } from "../wire/request.js";
import { checkConstantName, checkNamespace } from "./names.js";

/** What may be bound: a function (called as `Ns::Member.call(…)`) or an object (its methods). */
// biome-ignore lint/complexity/noBannedTypes: any function may be a service.
export type ServiceValue = Function | object;

function sealedError(what: string): SandboxError {
  return new SandboxError(
    `${what}: the sandbox is sealed (services and snippets are fixed by the first eval or run)`,
    { origin: "host", details: { kind: "sealed" } },
  );
}

/**
 * A service namespace: a Ruby module in the guest whose constants are the bound members.
 * Returned by `Sandbox#define`.
 */
export class ServiceNamespace {
  readonly #registry: ServiceRegistry;

  /** @internal */
  constructor(
    /** The namespace's constant name in the guest. */
    readonly name: string,
    registry: ServiceRegistry,
  ) {
    this.#registry = registry;
  }

  /**
   * Binds `value` as `Name::member` in the guest. A function is called by `Name::Member.call(…)`,
   * an object's methods by `Name::Member.method(…)`. Returns the namespace, so calls chain.
   *
   * Throws `TypeError` when `member` is not a constant name (`/^[A-Z]\w*$/`), is already bound, or
   * `value` is neither a function nor an object; `SandboxError` once the sandbox is sealed.
   */
  bind(member: string, value: ServiceValue): this {
    this.#registry.bind(this.name, member, value);
    return this;
  }
}

/** The services of one sandbox: namespaces in definition order, members in binding order. */
export class ServiceRegistry {
  readonly #namespaces = new Map<string, { namespace: ServiceNamespace; members: string[] }>();
  readonly #bound = new Map<string, ServiceValue>();
  #sealed = false;
  #specs: ServiceSpec[] | undefined;

  get sealed(): boolean {
    return this.#sealed;
  }

  /** Fixes the services: later `define` and `bind` throw. */
  seal(): void {
    this.#sealed = true;
  }

  /** Throws `SandboxError` when sealed, naming `what` was attempted. */
  checkOpen(what: string): void {
    if (this.#sealed) throw sealedError(what);
  }

  define(name: string): ServiceNamespace {
    checkNamespace(name);
    this.checkOpen(`define(${JSON.stringify(name)})`);
    const known = this.#namespaces.get(name);
    if (known) return known.namespace;
    const namespace = new ServiceNamespace(name, this);
    this.#namespaces.set(name, { namespace, members: [] });
    this.#specs = undefined;
    return namespace;
  }

  bind(namespace: string, member: string, value: ServiceValue): void {
    checkConstantName("a service member", member);
    const path = `${namespace}::${member}`;
    this.checkOpen(`bind(${JSON.stringify(member)})`);
    if (this.#bound.has(path)) throw new TypeError(`${path} is already bound`);
    if ((typeof value !== "object" && typeof value !== "function") || value === null) {
      throw new TypeError(
        `${path}: a service must be a function or an object, got ${value === null ? "null" : typeof value}`,
      );
    }
    const entry = this.#namespaces.get(namespace);
    if (!entry) throw new TypeError(`service namespace ${namespace} is not defined`);
    entry.members.push(member);
    this.#bound.set(path, value);
    this.#specs = undefined;
  }

  /** The value bound at `"Ns::Member"`, if any. */
  lookup(path: string): ServiceValue | undefined {
    return this.#bound.get(path);
  }

  /** The `services` list of an invocation request. */
  specs(): readonly ServiceSpec[] {
    this.#specs ??= [...this.#namespaces].map(([name, { members }]) => [name, [...members]]);
    return this.#specs;
  }
}
