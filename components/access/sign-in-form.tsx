import { Button } from "@/components/ui/button";

// A Map, so a name from the address bar (`__proto__`, `constructor`) finds nothing rather than Object's own.
const ERRORS = new Map([
  ["wrong", "That password is not right. Try again."],
  ["busy", "Other sign-in attempts from your address are still being checked. Wait a few seconds, then try again."],
]);

/** A plain form post: signing in works before any script has loaded. An unknown error name shows the plain form. */
export function SignInForm({ error }: { error?: string | string[] }) {
  const message = typeof error === "string" ? ERRORS.get(error) : undefined;
  return (
    <form method="post" action="/api/access/sign-in" className="flex flex-col gap-3">
      <label htmlFor="password" className="text-sm font-medium">
        Password
      </label>
      <input
        id="password"
        name="password"
        type="password"
        required
        autoFocus
        autoComplete="current-password"
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? "password-error" : undefined}
        className="rounded-md border border-zinc-300 px-3 py-2 dark:border-zinc-700 dark:bg-zinc-950"
      />
      {message && (
        <p id="password-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
          {message}
        </p>
      )}
      <Button type="submit" variant="primary" size="lg">
        Sign in
      </Button>
    </form>
  );
}
