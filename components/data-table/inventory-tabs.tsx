import Link from "next/link";
import type { TableName } from "@/lib/domain/tables/types";

// The inventory's list pages, one table each, a click apart.
const TABS: { name: TableName; href: string; label: string }[] = [
  { name: "sites", href: "/sites", label: "Sites" },
  { name: "rooms", href: "/rooms", label: "Rooms" },
  { name: "cabinets", href: "/cabinets", label: "Cabinets" },
  { name: "devices", href: "/devices", label: "Devices" },
  { name: "models", href: "/models", label: "Models" },
  { name: "nics", href: "/nics", label: "Nics" },
  { name: "switch-ports", href: "/switch-ports", label: "Switch ports" },
  { name: "cables", href: "/cables", label: "Cables" },
  { name: "services", href: "/services?view=table", label: "Services" },
];

export function InventoryTabs({ current }: { current: TableName }) {
  return (
    <nav aria-label="Inventory tables" className="mb-3 -mx-1 overflow-x-auto">
      <ul className="flex gap-0.5 border-b border-line text-[13px]">
        {TABS.map((tab) => (
          <li key={tab.name}>
            <Link
              href={tab.href}
              aria-current={tab.name === current ? "page" : undefined}
              className={`-mb-px block rounded-t px-2.5 py-1.5 whitespace-nowrap outline-none focus-visible:ring-2 focus-visible:ring-accent/50 ${
                tab.name === current ? "border-b-2 border-accent font-medium text-fg" : "text-muted hover:text-fg"
              }`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
