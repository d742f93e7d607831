import { describe, expect, it } from "vitest";
import { DEFAULT_SERVICES, loadServices, ServicesError, serviceNames } from "./services.js";

describe("loadServices", () => {
  it("runs the default services and finds every member", async () => {
    const services = loadServices(DEFAULT_SERVICES);
    expect(serviceNames(services)).toEqual([
      "Shop::Price",
      "Shop::Stock",
      "Shop::Tax",
      "Shop::EachItem",
      "Shop::NewCart",
      "Shop::Checkout",
    ]);
    const shop = services.Shop as Record<string, (...args: unknown[]) => unknown>;
    expect(shop.Price?.("pear")).toBe(0.75);
    expect(shop.Tax?.({ amount: 12.4, rate: 0.2 })).toBe(2.48);
    expect(await shop.Stock?.("fig")).toBe(0);
  });

  it("takes no services from a source that returns nothing", () => {
    expect(loadServices("// nothing yet")).toEqual({});
  });

  it("says what is wrong with services that cannot be bound", () => {
    expect(() => loadServices("return {")).toThrow(ServicesError);
    expect(() => loadServices("throw new RangeError('nope')")).toThrow(/RangeError: nope/);
    expect(() => loadServices("return 42")).toThrow(/must return an object/);
    expect(() => loadServices("return { Shop: 1 }")).toThrow(/Shop must be an object/);
  });
});
