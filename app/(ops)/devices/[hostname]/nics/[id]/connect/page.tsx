import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateForm } from "@/components/edit-form/create-form";
import { PageHeader } from "@/components/ui/page-header";
import { canEditInventory } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/viewer";
import { getNicForEdit } from "@/lib/db/edit-nics";
import { connectNicAction } from "../../_cable/actions";

type Props = { params: Promise<{ hostname: string; id: string }> };

export const metadata: Metadata = { title: "Connect interface" };

function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export default async function ConnectNicPage({ params }: Props) {
  const { hostname: rawHost, id: rawId } = await params;
  const hostname = decodeParam(rawHost);
  await requirePage(canEditInventory, `/devices/${encodeURIComponent(hostname)}/nics/${rawId}/connect`);
  const nic = /^\d{1,9}$/.test(rawId) ? await getNicForEdit({ id: Number(rawId) }) : null;
  if (!nic || nic.hostname.toLowerCase() !== hostname.toLowerCase()) notFound();
  return (
    <div className="space-y-6">
      <PageHeader
        title={
          <>
            Connect <span className="font-mono">{nic.hostname} {nic.name}</span>
          </>
        }
        description="The port at the other end of the cable. A switch port not recorded yet is created, as in cables.csv."
        breadcrumbs={[
          { href: "/devices", label: "Devices" },
          { href: `/devices/${encodeURIComponent(nic.hostname)}`, label: nic.hostname },
        ]}
      />
      <CreateForm
        action={connectNicAction}
        hidden={{ nic_id: String(nic.id) }}
        fields={[
          { name: "b_host", label: "Other device", hint: "Its hostname, like a TOR switch." },
          { name: "b_port", label: "Port" },
          { name: "label", label: "Cable label", hint: "Optional: the label on the cable." },
        ]}
        submitLabel="Connect"
      />
    </div>
  );
}
