import { describe, expect, it } from "vitest";
import { withStatementName } from "./pool";
import { preparedName, preparedStatementsEnabled } from "./prepared";

describe("which statements are prepared", () => {
  it("names a statement by its text: the same text the same name, another text another", () => {
    const a = preparedName("SELECT id FROM device WHERE hostname = $1", 1);
    expect(a).toMatch(/^rk_[\w-]+$/);
    expect(preparedName("SELECT id FROM device WHERE hostname = $1", 1)).toBe(a);
    expect(preparedName("SELECT id FROM device WHERE serial = $1", 1)).not.toBe(a);
  });

  it("leaves pattern searches unnamed: a generic plan cannot know how selective the pattern is", () => {
    for (const text of [
      "SELECT id FROM device WHERE lower(hostname) LIKE $1",
      "SELECT id FROM device WHERE hostname ilike $1",
      "SELECT similarity(hostname, $1) FROM device",
      "SELECT * FROM locate_device_contains($1, 10)",
      "SELECT id FROM device WHERE $1 <% hostname",
    ]) {
      expect(preparedName(text, 1), text).toBeUndefined();
    }
  });

  it("leaves bulk statements unnamed: many parameters or long text", () => {
    expect(preparedName("INSERT INTO t VALUES ($1)", 65)).toBeUndefined();
    expect(preparedName(`SELECT 1 /* ${"x".repeat(16_000)} */`, 0)).toBeUndefined();
    expect(preparedName("INSERT INTO t VALUES ($1)", 64)).toBeDefined();
  });

  it("names only single planned statements: not transaction control, utility statements or several in one string", () => {
    for (const text of ["BEGIN", "COMMIT", "SAVEPOINT s1", "VACUUM (ANALYZE)", "SET LOCAL statement_timeout = 1000", "SELECT 1; SELECT 2"]) {
      expect(preparedName(text, 0), text).toBeUndefined();
    }
    for (const text of ["SELECT 1", "(SELECT 1) UNION (SELECT 2)", "WITH x AS (SELECT 1) SELECT * FROM x", "UPDATE t SET a = $1;", "\n  delete from t where id = $1"]) {
      expect(preparedName(text, 1), text).toBeDefined();
    }
  });

  it("is on unless RACKMAP_PREPARED_STATEMENTS=0", () => {
    expect(preparedStatementsEnabled({})).toBe(true);
    expect(preparedStatementsEnabled({ RACKMAP_PREPARED_STATEMENTS: "1" })).toBe(true);
    expect(preparedStatementsEnabled({ RACKMAP_PREPARED_STATEMENTS: "0" })).toBe(false);
  });
});

describe("pool.query arguments with a statement name", () => {
  const text = "SELECT id FROM device WHERE id = $1";
  const name = preparedName(text, 1);

  it("turns query(text, values) into a named statement", () => {
    expect(withStatementName([text, [7]])).toEqual([{ name, text, values: [7] }]);
  });

  it("names a config object, keeping what else it says", () => {
    expect(withStatementName([{ text, values: [7], rowMode: "array" }])).toEqual([{ name, text, values: [7], rowMode: "array" }]);
  });

  it("keeps a name given by the caller, and leaves what it does not name as it was", () => {
    const own = [{ name: "mine", text, values: [7] }];
    expect(withStatementName(own)).toBe(own);
    const like = ["SELECT id FROM device WHERE hostname LIKE $1", ["a%"]];
    expect(withStatementName(like)).toBe(like);
    const callback = [text, [7], () => {}];
    expect(withStatementName(callback)).toBe(callback);
  });
});
