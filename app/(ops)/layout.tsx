import type { ReactNode } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AppShell } from "@/components/app-shell";
import { canManageUsers } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";

// Chrome for signed-in operators. This check only decides what to draw: every page, action and
// route below checks its own permission, because a layout does not re-run on every navigation.
export default async function OpsLayout({ children }: { children: ReactNode }) {
  await connection();
  const viewer = await getViewer();
  if (viewer.kind !== "user") {
    const path = (await headers()).get("x-rackmap-path") ?? "/";
    redirect(`/login?next=${encodeURIComponent(path)}`);
  }
  return (
    <AppShell user={{ name: viewer.name, email: viewer.email, role: viewer.role, isAdmin: canManageUsers(viewer) }}>
      {children}
    </AppShell>
  );
}
