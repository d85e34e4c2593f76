import { FalClientProbe } from "./fal-client-probe";

/** The bare page plus `@fal-ai/client` on the client, as every page that talks to fal ships it. */
export default function FalClientPage() {
  return (
    <main>
      <h1>Next page with @fal-ai/client</h1>
      <p>The bare page plus the fal client, created in the browser as the playground creates it.</p>
      <FalClientProbe />
    </main>
  );
}
