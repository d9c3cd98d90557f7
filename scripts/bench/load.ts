// Pages under load: autocannon at a fixed number of connections for a fixed number of requests. p95 is
// computed from every response's own time (autocannon's summary has p90 and p97.5, not p95).
import autocannon from "autocannon";
import { ratePerSecond, round, summarize } from "./stats";

export type LoadResults = {
  path: string;
  connections: number;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  reqPerSec: number;
  // socket errors and timeouts; non2xx: answers that were not 2xx
  errors: number;
  non2xx: number;
};

// status 0: no answer (a socket error or a timeout)
export type LoadEvent = { at: number; sentAt: number; ok: boolean; status: number };

// Each request from another client address: the share page allows 30 requests a minute per address,
// and a load run from one address would measure the "too many requests" page instead.
export function distinctClients(): autocannon.Request["setupRequest"] {
  let n = 0;
  return (request) => {
    n++;
    const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    return { ...request, headers: { ...request.headers, "x-forwarded-for": address } };
  };
}

export async function load(options: {
  origin: string;
  path: string;
  connections: number;
  amount?: number;
  durationSeconds?: number;
  headers?: Record<string, string>;
  perClientAddress?: boolean;
  // every answer and error as it happens (the resilience run's timeline)
  onEvent?: (event: LoadEvent) => void;
  during?: () => Promise<void>;
}): Promise<LoadResults> {
  const times: number[] = [];
  // the span of the run, from the answers' own clocks (see ratePerSecond)
  let firstSent = Number.POSITIVE_INFINITY;
  let lastAnswered = Number.NEGATIVE_INFINITY;
  let finished: (result: autocannon.Result) => void = () => {};
  let failed: (error: Error) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finished = resolve), (failed = reject)));
  const instance = autocannon(
    {
      url: options.origin + options.path,
      connections: options.connections,
      ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.durationSeconds ?? 10 }),
      headers: options.headers ?? {},
      timeout: 10,
      requests: options.perClientAddress ? [{ setupRequest: distinctClients() }] : undefined,
    },
    (error, result) => (error ? failed(error as Error) : finished(result)),
  );
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    times.push(responseTime);
    const at = performance.now();
    firstSent = Math.min(firstSent, at - responseTime);
    lastAnswered = at;
    options.onEvent?.({ at, sentAt: at - responseTime, ok: statusCode >= 200 && statusCode < 300, status: statusCode });
  });
  instance.on("reqError", () => {
    const at = performance.now();
    options.onEvent?.({ at, sentAt: at, ok: false, status: 0 });
  });
  const [result] = await Promise.all([done, options.during?.()]);
  const latency = summarize(times);
  return {
    path: options.path,
    connections: options.connections,
    requests: result.requests.total,
    p50Ms: latency.p50,
    p95Ms: latency.p95,
    reqPerSec: round(ratePerSecond(times.length, firstSent, lastAnswered), 1),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
