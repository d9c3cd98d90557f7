import { getAuth } from "@/lib/auth/auth";

// better-auth's own endpoints (sign-in, sign-out, session) under /api/auth.
export async function GET(request: Request) {
  return (await getAuth()).handler(request);
}

export async function POST(request: Request) {
  return (await getAuth()).handler(request);
}
