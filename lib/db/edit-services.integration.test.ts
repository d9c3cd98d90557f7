// Editing services against the demo datacenter in a scratch database of this file's own: members
// replaced from the form's lines, an unknown hostname refused by name, a stale save refused.
import { describe, expect, it } from "vitest";
import { demoDatabaseForThisFile } from "../../tests/demo-database";
import { serviceFormSchema } from "../schemas/service-form";
import { deleteService, formatMembers, getServiceForEdit, updateService, type ServiceEditValues } from "./edit-services";

const alice = { type: "user" as const, id: "u-alice", label: "alice@example.com" };
const bob = { type: "user" as const, id: "u-bob", label: "bob@example.com" };
demoDatabaseForThisFile("rackmap_edit_services");

function formOf(s: ServiceEditValues, changes: Record<string, string> = {}) {
  return serviceFormSchema.parse({ service: s.name, description: s.description, min_up: String(s.minUp), members: formatMembers(s.members), ...changes });
}

describe("editing a service", () => {
  it("replaces its members from the form's lines, refusing an unknown hostname by name", async () => {
    const s = (await getServiceForEdit({ name: "basecamp-db" }))!;
    expect(s.members.length).toBeGreaterThan(1);
    const unknown = await updateService({ id: s.id, version: s.version, input: formOf(s, { members: `${formatMembers(s.members)}\nno-such-host standby` }), actor: alice });
    expect(unknown).toMatchObject({ ok: false, field: "members", message: "No device is named no-such-host." });

    const kept = s.members.slice(0, 2);
    const saved = await updateService({ id: s.id, version: s.version, input: formOf(s, { min_up: "2", members: `${kept[0]!.hostname} primary\n${kept[1]!.hostname}` }), actor: alice });
    expect(saved).toEqual({ ok: true, value: { name: "basecamp-db" } });
    const now = (await getServiceForEdit({ name: "basecamp-db" }))!;
    expect(now).toMatchObject({ minUp: 2, version: s.version + 1 });
    expect(now.members).toEqual([{ hostname: kept[0]!.hostname, role: "primary" }, { hostname: kept[1]!.hostname, role: "" }].sort((a, b) => (a.hostname < b.hostname ? -1 : 1)));

    const stale = await updateService({ id: s.id, version: s.version, input: formOf(s), actor: bob });
    expect(stale).toMatchObject({ ok: false, reason: "stale", changedBy: "alice@example.com" });
    expect(await deleteService({ id: now.id, version: now.version, actor: bob })).toEqual({ ok: true, value: { name: "basecamp-db" } });
    expect(await getServiceForEdit({ name: "basecamp-db" })).toBeNull();
  });
});
