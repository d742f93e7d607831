/**
 * A Ruby Symbol on the host.
 *
 * Symbols used to arrive as `Symbol.for(name)`, but the engine never frees a registered symbol:
 * a guest returning or passing large or ever-new symbols grew the host's heap without bound
 * (fourteen 60 KB symbols a run left ~50 MB after 60 runs). A `RubySymbol` is an ordinary
 * object, collected like a string. Two of them with the same name are different objects: compare
 * `name`s (or use {@link RubySymbol.equals}).
 */
export class RubySymbol {
  /** The symbol's name, without the colon: `:ok` → `"ok"`. */
  readonly name: string;

  constructor(name: string) {
    if (typeof name !== "string") throw new TypeError("RubySymbol: name must be a string");
    this.name = name;
    Object.freeze(this);
  }

  /** Whether `other` is a `RubySymbol` of the same name. */
  equals(other: unknown): boolean {
    return isSymbolNamed(other, this.name);
  }

  /** The name, like Ruby's `Symbol#to_s`. */
  toString(): string {
    return this.name;
  }

  /** The name: `JSON.stringify` writes a symbol as a string, like Ruby's `to_json`. */
  toJSON(): string {
    return this.name;
  }
}

// Outside the class body, which must not name its own class (see SetupError in errors.ts).
function isSymbolNamed(value: unknown, name: string): boolean {
  return value instanceof RubySymbol && value.name === name;
}
