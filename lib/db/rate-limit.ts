import "server-only";
import { sqlPool } from "./client";

export type RateLimitResult = { allowed: boolean; retryAfter: number | null };

// Plain SQL on Prisma's own pool: a share link's page asks on every load, and Prisma's raw queries cost a
// millisecond of their own each.

// A fixed window per key, counted in Postgres in one atomic statement so the limit holds across
// replicas and concurrent requests.
export async function consumeRateLimit(key: string, rule: { window: number; max: number }): Promise<RateLimitResult> {
  const { rows } = await sqlPool().query<{ count: number; age: number }>(
    `INSERT INTO rate_limit (key, window_start, count) VALUES ($1, now(), 1)
     ON CONFLICT (key) DO UPDATE SET
       window_start = CASE WHEN rate_limit.window_start <= now() - make_interval(secs => $2) THEN now() ELSE rate_limit.window_start END,
       count = CASE WHEN rate_limit.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE rate_limit.count + 1 END
     RETURNING count, extract(epoch FROM now() - window_start)::float8 AS age`,
    [key, rule.window],
  );
  const { count, age } = rows[0]!;
  if (count <= rule.max) return { allowed: true, retryAfter: null };
  return { allowed: false, retryAfter: Math.max(1, Math.ceil(rule.window - age)) };
}

// Whether the key is already over its limit in the current window, without counting this request:
// for limits that count only failures, asked before the attempt.
export async function checkRateLimit(key: string, rule: { window: number; max: number }): Promise<RateLimitResult> {
  const { rows } = await sqlPool().query<{ count: number; age: number }>(
    `SELECT count, extract(epoch FROM now() - window_start)::float8 AS age FROM rate_limit
      WHERE key = $1 AND window_start > now() - make_interval(secs => $2)`,
    [key, rule.window],
  );
  const row = rows[0];
  if (!row || row.count < rule.max) return { allowed: true, retryAfter: null };
  return { allowed: false, retryAfter: Math.max(1, Math.ceil(rule.window - row.age)) };
}
