"use client";

import { useEffect, useState } from "react";

function formatSeconds(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

/** Time since `from`, ticking while `to` is unknown. */
export function ElapsedTime({ from, to }: { from: number; to?: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (to !== undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, [to]);
  return (
    <span className="tabular-nums" data-testid="elapsed">
      {formatSeconds((to ?? now) - from)}
    </span>
  );
}
