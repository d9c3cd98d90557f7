import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: { absolute: "Not found · Rackmap" } };

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-xs font-medium tracking-wide text-muted uppercase">404</p>
      <h1 className="mt-1 text-lg font-semibold">Nothing here</h1>
      <p className="mt-2 text-muted">
        This page or record does not exist. It may have been removed, or the link is mistyped.
      </p>
      <p className="mt-5 flex justify-center gap-4">
        <Link href="/" className="text-accent hover:underline">
          Overview
        </Link>
        <Link href="/cabinets" className="text-accent hover:underline">
          Cabinets
        </Link>
        <Link href="/devices" className="text-accent hover:underline">
          Devices
        </Link>
      </p>
    </div>
  );
}
