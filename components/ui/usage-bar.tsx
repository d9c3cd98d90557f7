export function UsageBar({ used, total, className = "" }: { used: number; total: number; className?: string }) {
  const ratio = total > 0 ? Math.min(used / total, 1) : 0;
  // nearly full is worth a glance when planning where new hardware goes; it is not an alarm
  const color = ratio >= 0.9 ? "bg-warn" : "bg-fill";
  return (
    <div aria-hidden="true" className={`h-1.5 overflow-hidden rounded-full bg-track ${className}`}>
      <div className={`h-full rounded-full ${color}`} style={{ width: `${(ratio * 100).toFixed(1)}%` }} />
    </div>
  );
}
