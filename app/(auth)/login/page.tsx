import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { countUsers } from "@/lib/db/users";
import { safeReturnPath } from "@/lib/schemas/auth";
import { DEMO_ADMIN } from "@/lib/demo/demo-admin";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  await connection();
  const next = safeReturnPath((await searchParams).next);
  if ((await getViewer()).kind === "user") redirect(next);
  if ((await countUsers()) === 0) redirect("/setup");
  const demo = process.env.RACKMAP_DEMO === "1";
  return (
    <div className="rounded-lg border border-line bg-surface p-6 shadow-sm">
      <h1 className="mb-4 text-base font-semibold">Sign in</h1>
      <LoginForm next={next} />
      {demo ? (
        <div className="mt-5 rounded-md border border-line bg-surface-2 p-3 text-sm" aria-label="Demo login">
          <p className="font-medium">Demo datacenter</p>
          <p className="text-muted">
            Sign in as <code className="text-fg">{DEMO_ADMIN.email}</code> with password{" "}
            <code className="text-fg">{DEMO_ADMIN.password}</code>.
          </p>
        </div>
      ) : null}
    </div>
  );
}
