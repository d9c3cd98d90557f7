// Postgres restarts in the middle of a load run on a database-backed page; the app keeps running. How many
// requests fail, and how long from the restart's start until a request sent after it succeeds.
import { load, type LoadEvent } from "./load";
import { round } from "./stats";

export type ResilienceResults =
  | { measured: false; reason: string }
  | {
      measured: true;
      path: string;
      requests: number;
      failed: number;
      // percent of requests that failed
      errorPercent: number;
      // how long Postgres itself took to stop and start again
      restartSeconds: number;
      // from the restart's start to the first success of a request sent after it
      recoverySeconds: number | null;
      // failures after that first success (a pool that keeps handing out dead connections shows here)
      failedAfterRecovery: number;
      // failures by HTTP status ("0": no answer)
      failures: Record<string, number>;
    };

export async function benchResilience(options: {
  origin: string;
  path: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  restartAfterSeconds: number;
  restart: (() => Promise<void>) | null;
  cannotRestart: string | null;
  log: (line: string) => void;
}): Promise<ResilienceResults> {
  const restart = options.restart;
  if (!restart) return { measured: false, reason: options.cannotRestart ?? "no way to restart the server" };
  const events: LoadEvent[] = [];
  let restartStarted = Number.NaN;
  let restartDone = Number.NaN;
  await load({
    origin: options.origin,
    path: options.path,
    connections: options.connections,
    durationSeconds: options.seconds,
    headers: options.headers,
    onEvent: (event) => events.push(event),
    during: async () => {
      await new Promise((resolve) => setTimeout(resolve, options.restartAfterSeconds * 1000));
      options.log("restarting PostgreSQL under load");
      restartStarted = performance.now();
      await restart();
      restartDone = performance.now();
      options.log(`PostgreSQL is back after ${round((restartDone - restartStarted) / 1000)} s`);
    },
  });
  const firstSuccess = events.filter((e) => e.ok && e.sentAt >= restartStarted).sort((a, b) => a.at - b.at)[0];
  const failed = events.filter((e) => !e.ok).length;
  return {
    measured: true,
    path: options.path,
    requests: events.length,
    failed,
    errorPercent: events.length ? round((failed / events.length) * 100, 2) : 0,
    restartSeconds: round((restartDone - restartStarted) / 1000),
    recoverySeconds: firstSuccess ? round((firstSuccess.at - restartStarted) / 1000) : null,
    failures: events.filter((e) => !e.ok).reduce<Record<string, number>>((count, e) => ({ ...count, [e.status]: (count[e.status] ?? 0) + 1 }), {}),
    failedAfterRecovery: firstSuccess ? events.filter((e) => !e.ok && e.at > firstSuccess.at).length : failed,
  };
}
