// Locate through the API (/api/v1/locate, as a script or the search box asks it) against the bare SQL of
// the same lookup (lib/db/locate.ts's statement, run directly through pg), one query at a time, in the same run.
import pg from "pg";
import { DEFAULT_LOCATE_LIMIT, locateStatement } from "../../lib/db/locate";
import { parseLocateQuery } from "../../lib/domain/locate-query";
import type { LocateKind, LocateSample } from "./fixtures";
import { round, summarize, type Summary } from "./stats";

export type LocateResults = {
  queries: number;
  // per kind of query: how many, and the p95 of each side
  kinds: Record<LocateKind, { queries: number; p95Ms: number; bareSqlP95Ms: number }>;
  // queries whose answer had at least one match (every sample is drawn from the data, so all should)
  found: number;
  errors: number;
  api: Summary;
  bareSql: Summary;
  // api p95 / bare SQL p95
  ratio: number;
};

const WARM_UP = 10;

export async function benchLocate(options: { origin: string; apiToken: string; databaseUrl: string; samples: LocateSample[] }): Promise<LocateResults> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const api: number[] = [];
  const bare: number[] = [];
  let found = 0;
  let errors = 0;
  const byKind = new Map<LocateKind, { api: number[]; bare: number[] }>();
  try {
    const viaApi = async (q: string) => {
      const started = performance.now();
      const response = await fetch(`${options.origin}/api/v1/locate?q=${encodeURIComponent(q)}`, {
        headers: { Authorization: `Bearer ${options.apiToken}` },
      });
      const body = (await response.json()) as { matches?: unknown[] };
      return { ms: performance.now() - started, ok: response.ok, matches: body.matches?.length ?? 0 };
    };
    const viaSql = async (q: string) => {
      const parsed = parseLocateQuery(q);
      if (!parsed.ok) throw new Error(`the bench drew a query locate refuses: ${q} (${parsed.error})`);
      // as Prisma would send it: the statement's text with its parameters
      const statement = locateStatement(parsed.query, DEFAULT_LOCATE_LIMIT);
      const started = performance.now();
      await client.query(statement.text, statement.values as unknown[]);
      return performance.now() - started;
    };
    for (const sample of options.samples.slice(0, WARM_UP)) {
      await viaApi(sample.q);
      await viaSql(sample.q);
    }
    for (const [i, sample] of options.samples.entries()) {
      // alternate which goes first, so neither always finds the pages the other just read
      const sqlFirst = i % 2 === 1;
      if (sqlFirst) bare.push(await viaSql(sample.q));
      const answer = await viaApi(sample.q);
      if (!sqlFirst) bare.push(await viaSql(sample.q));
      api.push(answer.ms);
      const kind = byKind.get(sample.kind) ?? { api: [], bare: [] };
      byKind.set(sample.kind, kind);
      kind.api.push(answer.ms);
      kind.bare.push(bare[bare.length - 1]!);
      if (!answer.ok) errors++;
      if (answer.matches > 0) found++;
    }
  } finally {
    await client.end();
  }
  const apiSummary = summarize(api);
  const bareSummary = summarize(bare);
  const kinds = Object.fromEntries(
    [...byKind].map(([kind, times]) => [kind, { queries: times.api.length, p95Ms: summarize(times.api).p95, bareSqlP95Ms: summarize(times.bare).p95 }]),
  ) as LocateResults["kinds"];
  return {
    queries: options.samples.length,
    kinds,
    found,
    errors,
    api: apiSummary,
    bareSql: bareSummary,
    ratio: round(apiSummary.p95 / bareSummary.p95),
  };
}
