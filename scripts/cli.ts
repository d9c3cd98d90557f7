// `npm run cli -- <command>`: Rackmap from a shell. Uses DATABASE_URL, or the embedded database
// (started for the duration of the command) when it is unset.
import { openDatabase } from "./database";
import { randomBytes } from "node:crypto";
import { generateDatacenter } from "../lib/db/seed";
import { createUser } from "../lib/db/users";
import { createApiToken } from "../lib/db/api-tokens";
import { newUserSchema, newApiTokenSchema } from "../lib/schemas/auth";
import { readFile, stat } from "node:fs/promises";
import { userInfo } from "node:os";
import { closeImportConnections } from "../lib/db/import-sql";
import { exportCsv } from "../lib/import/export";
import { formatImportReport } from "../lib/import/report-text";
import { IMPORT_KINDS, isImportKind } from "../lib/import/kinds";
import { importMaxBytes, tooLargeIssue } from "../lib/import/csv-read";
import { importCsv } from "../lib/import/run";

const USAGE = `usage: npm run cli -- <command>

commands:
  migrate                    apply pending migrations (every command does this first)
  generate --devices N       fill an empty database with a generated datacenter of about N devices
  user add --email E --role viewer|editor|admin [--name N] [--password P]
                             create a user; without --password one is generated and printed once
  token create --name N --role viewer|editor|admin
                             create an API token; the token is printed once, as the last line
  import KIND FILE [--dry-run]
                             import a CSV file (KIND: models, cabinets, devices, nics, cables,
                             services) in one transaction; progress on stderr, the summary and
                             every error on stdout; exits 1 when anything is wrong (nothing written)
  export KIND                write the CSV of KIND to stdout

DATABASE_URL selects the PostgreSQL server; without it the embedded server under .data/ is used.`;

type Args = { command: string | undefined; flags: Map<string, string | true>; positional: string[] };

export function parseArgs(argv: string[]): Args {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith("--")) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith("--")) {
        flags.set(arg.slice(2), next);
        i++;
      } else flags.set(arg.slice(2), true);
    } else positional.push(arg);
  }
  return { command: positional.shift(), flags, positional };
}

class UsageError extends Error {}

function emptyReport(kind: (typeof IMPORT_KINDS)[number], dryRun: boolean) {
  return { ok: false, kind, dryRun, created: 0, updated: 0, unchanged: 0, alsoCreated: [], errors: [], rows: 0, batchId: null, seconds: 0 };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.command || args.command === "help" || args.flags.has("help")) {
    console.log(USAGE);
    return 0;
  }
  const log = (line: string) => console.error(line);
  switch (args.command) {
    case "migrate": {
      const database = await openDatabase(log);
      await database.stop();
      return 0;
    }
    case "generate": {
      const raw = args.flags.get("devices");
      const devices = typeof raw === "string" ? Number(raw) : NaN;
      if (!Number.isInteger(devices) || devices < 1 || devices > 2_000_000) {
        throw new UsageError("generate needs --devices N, a whole number from 1 to 2000000");
      }
      const database = await openDatabase(log);
      try {
        const summary = await generateDatacenter({ connectionString: database.url, devices, log });
        console.log(JSON.stringify(summary, null, 2));
      } finally {
        await database.stop();
      }
      return 0;
    }
    case "user": {
      if (args.positional[0] !== "add") throw new UsageError(`unknown user command "${args.positional[0] ?? ""}" (try: user add)`);
      const generated = typeof args.flags.get("password") === "string" ? null : randomBytes(18).toString("base64url");
      const parsed = newUserSchema.safeParse({
        email: args.flags.get("email"),
        name: args.flags.get("name"),
        role: args.flags.get("role"),
        password: generated ?? args.flags.get("password"),
      });
      if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("\n"));
      const database = await openDatabase(log);
      try {
        const user = await createUser(parsed.data);
        console.log(`created ${user.role} ${user.email}`);
        if (generated) console.log(`password (shown once): ${generated}`);
      } finally {
        await database.stop();
      }
      return 0;
    }
    case "token": {
      if (args.positional[0] !== "create") throw new UsageError(`unknown token command "${args.positional[0] ?? ""}" (try: token create)`);
      const parsed = newApiTokenSchema.safeParse({ name: args.flags.get("name"), role: args.flags.get("role") });
      if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("\n"));
      const database = await openDatabase(log);
      try {
        const { token } = await createApiToken({ name: parsed.data.name, role: parsed.data.role });
        console.log(`created ${parsed.data.role} token "${parsed.data.name}"; it is shown once, below:`);
        console.log(token);
      } finally {
        await database.stop();
      }
      return 0;
    }
    case "import": {
      // `import --dry-run devices f.csv`: the flag takes no value
      const dryRunFlag = args.flags.get("dry-run");
      if (typeof dryRunFlag === "string") args.positional.unshift(dryRunFlag);
      const [kind, file] = args.positional;
      if (!isImportKind(kind)) throw new UsageError(`import needs a KIND, one of ${IMPORT_KINDS.join(", ")}${kind ? ` (not "${kind}")` : ""}`);
      if (!file) throw new UsageError("import needs the FILE to read");
      const maxBytes = importMaxBytes();
      const size = (await stat(file)).size;
      if (size > maxBytes) {
        console.log(formatImportReport({ ...emptyReport(kind, dryRunFlag !== undefined), errors: [tooLargeIssue(size, maxBytes)] }, file));
        return 1;
      }
      const content = await readFile(file);
      const database = await openDatabase(log);
      try {
        const report = await importCsv({
          kind,
          content,
          dryRun: dryRunFlag !== undefined,
          actor: { type: "cli", id: null, label: `cli (${userInfo().username})` },
          connectionString: database.url,
          maxBytes,
          progress: (line) => log(`${kind}: ${line}`),
        });
        console.log(formatImportReport(report, file));
        return report.ok ? 0 : 1;
      } finally {
        await closeImportConnections();
        await database.stop();
      }
    }
    case "export": {
      const [kind] = args.positional;
      if (!isImportKind(kind)) throw new UsageError(`export needs a KIND, one of ${IMPORT_KINDS.join(", ")}${kind ? ` (not "${kind}")` : ""}`);
      const database = await openDatabase(log);
      try {
        const csv = await exportCsv(kind, { connectionString: database.url });
        await new Promise<void>((resolve, reject) => process.stdout.write(csv, (error) => (error ? reject(error) : resolve())));
      } finally {
        await closeImportConnections();
        await database.stop();
      }
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${args.command}"`);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`error: ${(error as Error).message}`);
    if (error instanceof UsageError) console.error(`\n${USAGE}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
