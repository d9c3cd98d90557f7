// Impact of one failed domain (a cabinet, a TOR, a room, a NIC driver) and every service's SPOFs, through
// the API. The first request after the app starts reads the whole inventory into the failure index, which
// later requests reuse while nothing changes; it is timed on its own, the rest are the steady state.
import { round, summarize } from "./stats";

export type FailureResults = {
  // the first request: GET /api/v1/spof with the index read from Postgres
  firstRequestMs: number;
  impact: Record<string, { ref: string; down: number; p50Ms: number; maxMs: number }>;
  impactMaxMs: number;
  spofMs: number;
  spofServices: number;
  errors: number;
};

export async function benchFailure(options: {
  origin: string;
  apiToken: string;
  domains: Record<string, string>;
  impactRuns: number;
  spofRuns: number;
}): Promise<FailureResults> {
  const headers = { Authorization: `Bearer ${options.apiToken}`, "Content-Type": "application/json" };
  let errors = 0;
  const timed = async <T>(request: () => Promise<Response>): Promise<{ ms: number; body: T }> => {
    const started = performance.now();
    const response = await request();
    // timed to the answer's last byte, as autocannon times the pages: parsing the driver's 3.9 MB answer
    // is the client's work, and in the bench's own busy heap it was tens of milliseconds of the figure
    const text = await response.text();
    const ms = performance.now() - started;
    const body = JSON.parse(text) as T;
    if (!response.ok) {
      errors++;
      console.error(`[bench] ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
    }
    return { ms, body };
  };
  type Spof = { services?: unknown[] };
  const spof = () => timed<Spof>(() => fetch(`${options.origin}/api/v1/spof`, { headers }));
  const first = await spof();

  const impact: FailureResults["impact"] = {};
  for (const [name, ref] of Object.entries(options.domains)) {
    const runs: number[] = [];
    let down = 0;
    for (let i = 0; i < options.impactRuns; i++) {
      const { ms, body } = await timed<{ down?: unknown[] }>(() =>
        fetch(`${options.origin}/api/v1/impact`, { method: "POST", headers, body: JSON.stringify({ failed: [ref] }) }),
      );
      runs.push(ms);
      down = body.down?.length ?? 0;
    }
    const summary = summarize(runs);
    impact[name] = { ref, down, p50Ms: summary.p50, maxMs: summary.max };
  }

  const spofRuns: number[] = [];
  let services = 0;
  for (let i = 0; i < options.spofRuns; i++) {
    const { ms, body } = await spof();
    spofRuns.push(ms);
    services = body.services?.length ?? 0;
  }
  return {
    firstRequestMs: round(first.ms),
    impact,
    impactMaxMs: round(Math.max(...Object.values(impact).map((i) => i.maxMs))),
    spofMs: summarize(spofRuns).max,
    spofServices: services,
    errors,
  };
}
