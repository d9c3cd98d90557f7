import "server-only";
import { db } from "./client";

export type RateLimitResult = { allowed: boolean; retryAfter: number | null };

// A fixed window per key, counted in Postgres in one atomic statement so the limit holds across
// replicas and concurrent requests.
export async function consumeRateLimit(key: string, rule: { window: number; max: number }): Promise<RateLimitResult> {
  const rows = await db().$queryRaw<{ count: number; age: number }[]>`
    INSERT INTO rate_limit (key, window_start, count) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      window_start = CASE WHEN rate_limit.window_start <= now() - make_interval(secs => ${rule.window}) THEN now() ELSE rate_limit.window_start END,
      count = CASE WHEN rate_limit.window_start <= now() - make_interval(secs => ${rule.window}) THEN 1 ELSE rate_limit.count + 1 END
    RETURNING count, extract(epoch FROM now() - window_start)::float8 AS age`;
  const { count, age } = rows[0]!;
  if (count <= rule.max) return { allowed: true, retryAfter: null };
  return { allowed: false, retryAfter: Math.max(1, Math.ceil(rule.window - age)) };
}

// Whether the key is already over its limit in the current window, without counting this request:
// for limits that count only failures, asked before the attempt.
export async function checkRateLimit(key: string, rule: { window: number; max: number }): Promise<RateLimitResult> {
  const rows = await db().$queryRaw<{ count: number; age: number }[]>`
    SELECT count, extract(epoch FROM now() - window_start)::float8 AS age FROM rate_limit
    WHERE key = ${key} AND window_start > now() - make_interval(secs => ${rule.window})`;
  const row = rows[0];
  if (!row || row.count < rule.max) return { allowed: true, retryAfter: null };
  return { allowed: false, retryAfter: Math.max(1, Math.ceil(rule.window - row.age)) };
}
