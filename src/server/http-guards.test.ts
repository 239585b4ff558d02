import { describe, expect, it } from "vitest";
import { hostName, isAllowedHost } from "./http-guards.js";

describe("hostName", () => {
  it.each([
    ["localhost:4000", "localhost"],
    ["API.Example.org", "api.example.org"],
    ["[::1]:4000", "[::1]"],
    ["[::1]", "[::1]"],
    ["127.0.0.1", "127.0.0.1"],
  ])("%s → %s", (header, name) => {
    expect(hostName(header)).toBe(name);
  });
});

describe("isAllowedHost", () => {
  const local = ["localhost", "127.0.0.1", "[::1]"];

  it("accepts local names with any port and refuses a rebinding domain", () => {
    expect(isAllowedHost("localhost:4000", local)).toBe(true);
    expect(isAllowedHost("[::1]:4000", local)).toBe(true);
    expect(isAllowedHost("attacker.example.com:4000", local)).toBe(false);
    expect(isAllowedHost("localhost.attacker.example.com", local)).toBe(false);
  });

  it("accepts subdomains of a *. entry, and anything with *", () => {
    expect(isAllowedHost("kg.example.org", ["*.example.org"])).toBe(true);
    expect(isAllowedHost("example.org.evil.net", ["*.example.org"])).toBe(false);
    expect(isAllowedHost("anything.example", ["*"])).toBe(true);
  });

  it("lets a request without a Host header through (no browser sends one)", () => {
    expect(isAllowedHost(undefined, local)).toBe(true);
  });
});
