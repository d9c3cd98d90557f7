import { describe, expect, it } from "vitest";
import { percentile, ratePerSecond, round, summarize } from "./stats";

describe("percentile", () => {
  it("interpolates between the closest ranks", () => {
    const samples = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(samples, 50)).toBeCloseTo(5.5);
    expect(percentile(samples, 95)).toBeCloseTo(9.55);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile(samples, 100)).toBe(10);
  });

  it("does not depend on the order of the samples", () => {
    expect(percentile([9, 1, 5, 3, 7], 50)).toBe(5);
  });

  it("is NaN without samples and refuses a percentile outside 0..100", () => {
    expect(percentile([], 95)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe("summarize", () => {
  it("gives count, p50, p95, max and mean rounded to two decimals", () => {
    expect(summarize([10, 20, 30, 40])).toEqual({ count: 4, p50: 25, p95: 38.5, max: 40, mean: 25 });
  });

  it("keeps one sample as every percentile", () => {
    expect(summarize([3.14159])).toEqual({ count: 1, p50: 3.14, p95: 3.14, max: 3.14, mean: 3.14 });
  });
});

describe("round", () => {
  it("rounds to the given digits", () => {
    expect(round(1.005 * 1000, 0)).toBe(1005);
    expect(round(2.345, 1)).toBe(2.3);
  });
});

describe("ratePerSecond", () => {
  it("counts answers over the span from the first request sent to the last answer", () => {
    // 600 answers between 1,000 ms and 12,200 ms: 11.2 s, not autocannon's rounded-up 12 s
    expect(ratePerSecond(600, 1_000, 12_200)).toBeCloseTo(53.57, 2);
  });

  it("is NaN without answers or without a span", () => {
    expect(ratePerSecond(0, 0, 1_000)).toBeNaN();
    expect(ratePerSecond(5, 1_000, 1_000)).toBeNaN();
  });
});
