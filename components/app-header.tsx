"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Suspense } from "react";
import { signOut } from "@/app/(auth)/login/actions";
import { QuickJump, type JumpPage } from "@/components/quick-jump";
import { SearchBox } from "@/components/search-box";

export type HeaderUser = { name: string; email: string; role: string; isAdmin: boolean };

const sections = [
  { href: "/sites", label: "Sites" },
  { href: "/cabinets", label: "Cabinets" },
  { href: "/devices", label: "Devices" },
  // the other inventory tables (rooms, models, cables, switch ports) are tabs above each list
  { href: "/nics", label: "Network" },
  { href: "/services", label: "Services" },
  { href: "/what-if", label: "What if" },
  { href: "/findings", label: "Findings" },
  { href: "/work-orders", label: "Work orders" },
  { href: "/import", label: "Import" },
] as const;

// what the Ctrl-K palette offers besides devices and places
const otherPages: JumpPage[] = [
  { href: "/", label: "Overview" },
  { href: "/domains", label: "Failure domains" },
  { href: "/audit", label: "Audit log" },
  { href: "/search", label: "Search" },
];
const adminPages: JumpPage[] = [
  { href: "/admin/users", label: "Users (admin)" },
  { href: "/admin/tokens", label: "API tokens (admin)" },
];

function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function AppHeader({ user }: { user: HeaderUser }) {
  const pathname = usePathname();
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
        <Link href="/" className="flex items-center gap-2 rounded font-semibold tracking-tight text-fg">
          <RackIcon />
          <span className="text-[15px]">Rackmap</span>
        </Link>
        <nav aria-label="Main" className="order-3 -mx-1 w-full md:order-none md:w-auto">
          <ul className="flex flex-wrap items-center gap-0.5">
            {sections.map((section) => {
              const current = isCurrent(pathname, section.href);
              return (
                <li key={section.href}>
                  <Link
                    href={section.href}
                    aria-current={current ? "page" : undefined}
                    className={
                      current
                        ? "block rounded px-2.5 py-1.5 font-medium whitespace-nowrap text-fg bg-accent-soft shadow-[inset_0_-2px_0_var(--accent)]"
                        : "block rounded px-2.5 py-1.5 whitespace-nowrap text-muted hover:bg-surface-2 hover:text-fg"
                    }
                  >
                    {section.label}
                  </Link>
                </li>
              );
            })}
            {user.isAdmin ? (
              <li>
                <Link
                  href="/admin/users"
                  aria-current={isCurrent(pathname, "/admin") ? "page" : undefined}
                  className={
                    isCurrent(pathname, "/admin")
                      ? "block rounded px-2.5 py-1.5 font-medium whitespace-nowrap text-fg bg-accent-soft shadow-[inset_0_-2px_0_var(--accent)]"
                      : "block rounded px-2.5 py-1.5 whitespace-nowrap text-muted hover:bg-surface-2 hover:text-fg"
                  }
                >
                  Admin
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
        {/* useSearchParams: rendered per request under the ops layout, so this never waits; the boundary keeps a static render possible */}
        <Suspense fallback={<div className="w-full sm:ml-auto sm:w-64 2xl:w-80" />}>
          <SearchBox />
        </Suspense>
        <div className="flex items-center gap-3 text-[13px]">
          <QuickJump pages={[...sections, ...otherPages, ...(user.isAdmin ? adminPages : [])]} />
          <Link href="/audit" className="text-muted hover:text-fg">Audit</Link>
          <span className="text-muted" title={user.email}>
            {user.name} <span className="rounded bg-surface-2 px-1 py-px text-xs">{user.role}</span>
          </span>
          <form action={signOut}>
            <button type="submit" className="rounded border border-line px-2 py-1 text-muted hover:bg-surface-2 hover:text-fg">
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}

function RackIcon() {
  return (
    <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" className="text-accent">
      <rect x="3" y="1.5" width="14" height="17" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <rect x="5.5" y="4" width="9" height="2.5" rx="0.5" fill="currentColor" />
      <rect x="5.5" y="8.75" width="9" height="2.5" rx="0.5" fill="currentColor" opacity="0.55" />
      <rect x="5.5" y="13.5" width="9" height="2.5" rx="0.5" fill="currentColor" opacity="0.3" />
    </svg>
  );
}
