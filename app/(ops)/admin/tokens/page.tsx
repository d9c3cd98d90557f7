import type { Metadata } from "next";
import { connection } from "next/server";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatUtc } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { canManageApiTokens } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { listApiTokens } from "@/lib/db/api-tokens";
import { revokeToken } from "./actions";
import { CreateTokenForm } from "./create-token-form";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  await connection();
  await requirePage(canManageApiTokens, "/admin/tokens");
  const tokens = await listApiTokens();
  return (
    <div className="space-y-6">
      <PageHeader title="API tokens" description="Bearer tokens for scripts and automation against /api/v1. Stored hashed: a token is shown once, when it is created." />
      <section className="rounded-md border border-line bg-surface p-4">
        <h2 className="mb-3 text-sm font-semibold">Create a token</h2>
        <CreateTokenForm />
      </section>
      {tokens.length === 0 ? (
        <EmptyState title="No API tokens yet">
          <p>Create one above, or from a shell: <code>npm run cli -- token create --name NAME --role viewer</code>.</p>
        </EmptyState>
      ) : (
        <DataTable label="API tokens">
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>Created</th>
              <th>By</th>
              <th>Last used</th>
              <th>State</th>
              <th className="sr-only">Actions</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td className="font-medium">{token.name}</td>
                <td>{token.role}</td>
                <td className="whitespace-nowrap text-muted">{formatUtc(token.createdAt)}</td>
                <td className="text-muted">{token.createdBy?.email ?? "CLI"}</td>
                <td className="whitespace-nowrap text-muted">{token.lastUsedAt ? formatUtc(token.lastUsedAt) : "never"}</td>
                <td>{token.revokedAt ? <Badge tone="danger">revoked {formatUtc(token.revokedAt)}</Badge> : <Badge tone="ok">active</Badge>}</td>
                <td className="text-right">
                  {token.revokedAt ? null : (
                    <form action={revokeToken}>
                      <input type="hidden" name="id" value={token.id} />
                      <ConfirmButton question={`Revoke token “${token.name}”? Scripts using it stop working at once.`}>Revoke</ConfirmButton>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </div>
  );
}
