import type { ReactNode } from "react";
import { AppHeader, type HeaderUser } from "@/components/app-header";

// The operator chrome: skip link, header with navigation, and the main landmark. Kept out of the
// root layout's markup so the sign-in and share pages can render without it. On paper only the
// page itself is printed: no navigation, no margins of our own (the printer has its own).
export function AppShell({ children, user }: { children: ReactNode; user: HeaderUser }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-accent focus:px-3 focus:py-1.5 focus:text-accent-fg"
      >
        Skip to content
      </a>
      <div className="print:hidden">
        <AppHeader user={user} />
      </div>
      <main id="main" className="mx-auto max-w-[1600px] px-4 py-5 print:max-w-none print:p-0">
        {children}
      </main>
    </>
  );
}
