"use client";

import { createFalClient, withMiddleware, withProxy } from "@fal-ai/client";
import { useState } from "react";

/** Created at module load, through a proxy, as the playground creates its client. */
const falClient = createFalClient({ requestMiddleware: withMiddleware(withProxy({ targetUrl: "/api/fal/proxy" })) });

/** A button that would ask the queue for a status, so the bundler keeps the whole client in the page. */
export function FalClientProbe() {
  const [status, setStatus] = useState("not asked");
  const ask = () => {
    falClient.queue
      .status("fal-ai/lora/image-to-image", { requestId: "none" })
      .then((answer) => setStatus(answer.status))
      .catch(() => setStatus("no proxy here"));
  };
  return (
    <button type="button" onClick={ask}>
      Queue status: {status}
    </button>
  );
}
