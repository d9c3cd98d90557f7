import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { countUsers } from "@/lib/db/users";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up" };

// One-time: shown only while the database has no user at all.
export default async function SetupPage() {
  await connection();
  if ((await countUsers()) > 0) redirect("/login");
  return (
    <div className="rounded-lg border border-line bg-surface p-6 shadow-sm">
      <h1 className="mb-1 text-base font-semibold">Set up Rackmap</h1>
      <p className="mb-4 text-sm text-muted">
        Create the first admin account. You can also do this from a shell:{" "}
        <code className="text-fg">npm run cli -- user add --email you@example.com --role admin</code>.
      </p>
      <SetupForm />
    </div>
  );
}
