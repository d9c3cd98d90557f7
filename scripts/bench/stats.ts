// Percentiles of latency samples: pure, so the bench's figures can be unit-tested.

export type Summary = { count: number; p50: number; p95: number; max: number; mean: number };

/**
 * The p-th percentile (0..100) by linear interpolation between the closest ranks (the method of
 * numpy's default and of most load tools), so p95 of few samples is not simply the maximum.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  if (p < 0 || p > 100) throw new RangeError(`a percentile is from 0 to 100, not ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export function summarize(samples: readonly number[]): Summary {
  const count = samples.length;
  return {
    count,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    max: round(count ? Math.max(...samples) : Number.NaN),
    mean: round(count ? samples.reduce((a, b) => a + b, 0) / count : Number.NaN),
  };
}

/**
 * Requests per second over the span from the first request sent to the last answer received. Not
 * autocannon's own figure: a run of a fixed number of requests ends at autocannon's next once-a-second
 * sample, so its duration is rounded up to whole seconds (600 requests in 11.2 s counted as 12 s: 50
 * req/s instead of 53.6).
 */
export function ratePerSecond(answers: number, firstSentMs: number, lastAnsweredMs: number): number {
  const seconds = (lastAnsweredMs - firstSentMs) / 1000;
  return answers > 0 && seconds > 0 ? answers / seconds : Number.NaN;
}

/** Two decimals: the bench reports milliseconds, and a microsecond says nothing on a shared machine. */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
