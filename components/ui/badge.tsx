import type { ReactNode } from "react";
import type { DeviceStatus, WorkOrderStatus } from "@/lib/db/generated/enums";

type Tone = "neutral" | "accent" | "ok" | "warn" | "danger";

const tones: Record<Tone, string> = {
  neutral: "bg-surface-2 text-muted ring-line",
  accent: "bg-accent-soft text-accent ring-accent/30",
  ok: "bg-ok-soft text-ok ring-ok/30",
  warn: "bg-warn-soft text-warn ring-warn/30",
  danger: "bg-danger-soft text-danger ring-danger/30",
};

export function Badge({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded px-1.5 py-px text-xs font-medium whitespace-nowrap ring-1 ring-inset ${tones[tone]}`}
    >
      {children}
    </span>
  );
}

const deviceStatusTone: Record<DeviceStatus, Tone> = {
  active: "ok",
  planned: "accent",
  staged: "accent",
  failed: "danger",
  offline: "neutral",
  decommissioning: "warn",
  inventory: "neutral",
};

export function DeviceStatusBadge({ status }: { status: DeviceStatus }) {
  return <Badge tone={deviceStatusTone[status]}>{status}</Badge>;
}

const workOrderStatusTone: Record<WorkOrderStatus, Tone> = { open: "accent", done: "ok", cancelled: "neutral" };

export function WorkOrderStatusBadge({ status }: { status: WorkOrderStatus }) {
  return <Badge tone={workOrderStatusTone[status]}>{status}</Badge>;
}
