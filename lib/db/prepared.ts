// Which statements the app's pools send as named (prepared) statements. Postgres then parses and plans
// such a statement once per connection, and after five runs keeps a generic plan when it costs no more
// than planning each time. Measured at 100k devices: planning was most of PostgreSQL's time on the device
// and share pages (the share page's item statement, eight joins and a correlated subquery, took ~12 ms to
// plan and ~5 ms to run), and PostgreSQL shares the machine's cores with the app.
// Not prepared:
// - pattern searches (LIKE, ILIKE, trigram similarity, the locate_* functions): how selective 'app-0%' is
//   depends on the pattern, and a generic plan cannot know it;
// - one-off bulk statements (imports, generated inserts): many parameters or long text, rarely sent twice,
//   and every prepared statement stays in its connection until the connection closes;
// - anything but one SELECT, WITH, INSERT, UPDATE or DELETE: transaction control, utility statements and
//   several statements in one string (which only the unnamed simple protocol accepts) go as they came.
// RACKMAP_PREPARED_STATEMENTS=0 turns it off, for a connection pooler that does not carry prepared
// statements across server connections (PgBouncer before 1.21 in transaction mode).
import { createHash } from "node:crypto";

const MAX_PARAMETERS = 64;
const MAX_TEXT = 16_000;
const PATTERN_SEARCH = /\b(i?like|similarity|word_similarity|locate_\w+)\b|%>|<%/i;
const PLANNED = /^\s*(\(\s*)*(select|with|insert|update|delete)\b/i;
const SEVERAL = /;\s*\S/;

export function preparedStatementsEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.RACKMAP_PREPARED_STATEMENTS !== "0";
}

// read once: every statement the app sends asks
const ENABLED = preparedStatementsEnabled();

/** The name to prepare `text` under (the same text always gets the same name), or undefined to send it unnamed
 * (always, with RACKMAP_PREPARED_STATEMENTS=0). */
export function preparedName(text: string, parameters: number): string | undefined {
  if (!ENABLED || parameters > MAX_PARAMETERS || text.length > MAX_TEXT || !PLANNED.test(text) || SEVERAL.test(text) || PATTERN_SEARCH.test(text)) return undefined;
  return `rk_${createHash("sha1").update(text).digest("base64url")}`;
}
