// The client address used to rate-limit share-link guessing: the first x-forwarded-for entry, else "local".
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "local";
}

export const SHARE_RATE_LIMIT = { window: 60, max: 30 } as const;
