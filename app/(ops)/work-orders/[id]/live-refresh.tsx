"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const EVERY_MS = 15_000;

// Live-ish progress: while the tab is visible the page re-renders on the server every 15 s (and at
// once when the tab comes back), so marks made under a share link show up without a reload.
export function LiveRefresh({ renderedAt }: { renderedAt: string }) {
  const router = useRouter();
  useEffect(() => {
    const refreshIfVisible = () => {
      if (document.visibilityState === "visible") router.refresh();
    };
    const timer = setInterval(refreshIfVisible, EVERY_MS);
    document.addEventListener("visibilitychange", refreshIfVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refreshIfVisible);
    };
  }, [router]);
  return (
    <span className="text-xs text-muted tabular-nums" data-testid="work-order-updated">
      updated {renderedAt.slice(11, 19)} UTC · refreshes every {EVERY_MS / 1000} s
    </span>
  );
}
