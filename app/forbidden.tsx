import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-medium text-muted">403</p>
      <h1 className="mt-1 text-lg font-semibold">Your role does not allow this page</h1>
      <p className="mt-2 text-muted">Ask an admin for the editor or admin role if you need it.</p>
      <p className="mt-4">
        <Link href="/" className="text-accent hover:underline">Back to the overview</Link>
      </p>
    </div>
  );
}
