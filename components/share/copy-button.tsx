"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies `text` to the clipboard and says whether it worked. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<"yes" | "no">();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        onClick={() =>
          navigator.clipboard.writeText(text).then(
            () => setCopied("yes"),
            () => setCopied("no"),
          )
        }
      >
        {label}
      </Button>
      <span role="status" className="text-xs text-zinc-500">
        {copied === "yes" ? "Copied." : copied === "no" ? "The browser refused; select the text and copy it." : ""}
      </span>
    </span>
  );
}
