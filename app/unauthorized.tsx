import Link from "next/link";

export default function Unauthorized() {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-sm font-medium text-muted">401</p>
      <h1 className="mt-1 text-lg font-semibold">Your session has ended</h1>
      <p className="mt-4">
        <Link href="/login" className="text-accent hover:underline">Sign in again</Link>
      </p>
    </main>
  );
}
