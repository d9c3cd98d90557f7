import type { Metadata } from "next";
import { connection } from "next/server";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable } from "@/components/ui/data-table";
import { formatUtc } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { canManageUsers } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { listUsers } from "@/lib/db/users";
import { changeRole, removeUser } from "./actions";
import { AddUserForm } from "./add-user-form";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await connection();
  const viewer = await requirePage(canManageUsers, "/admin/users");
  const users = await listUsers();
  return (
    <div className="space-y-6">
      <PageHeader title="Users" description="Who may sign in, and what each role may do: viewer reads, editor changes inventory and work orders, admin manages users and API tokens." />
      <DataTable label="Users">
        <thead>
          <tr>
            <th>E-mail</th>
            <th>Name</th>
            <th>Role</th>
            <th>Created</th>
            <th className="sr-only">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td className="font-medium">{user.email}</td>
              <td>{user.name}</td>
              <td>
                <form action={changeRole} className="flex items-center gap-2">
                  <input type="hidden" name="id" value={user.id} />
                  <label className="sr-only" htmlFor={`role-${user.id}`}>Role of {user.email}</label>
                  <select id={`role-${user.id}`} name="role" defaultValue={user.role} disabled={user.id === viewer.id} className="rounded border border-line-strong bg-surface px-1.5 py-0.5 text-xs">
                    <option value="viewer">viewer</option>
                    <option value="editor">editor</option>
                    <option value="admin">admin</option>
                  </select>
                  {user.id === viewer.id ? <span className="text-xs text-muted">(you)</span> : <button type="submit" className="rounded border border-line px-2 py-0.5 text-xs hover:bg-surface-2">Save</button>}
                </form>
              </td>
              <td className="whitespace-nowrap text-muted">{formatUtc(user.createdAt)}</td>
              <td className="text-right">
                {user.id === viewer.id ? null : (
                  <form action={removeUser}>
                    <input type="hidden" name="id" value={user.id} />
                    <ConfirmButton question={`Delete ${user.email}? They can no longer sign in.`}>Delete</ConfirmButton>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <section className="rounded-md border border-line bg-surface p-4">
        <h2 className="mb-3 text-sm font-semibold">Add a user</h2>
        <AddUserForm />
      </section>
    </div>
  );
}
