import { Button } from "@/components/ui/button";

const ERRORS: Record<string, string> = {
  wrong: "That password is not right. Try again.",
  busy: "Too many attempts. Wait a minute, then try again.",
};

/** A plain form post: signing in works before any script has loaded. */
export function SignInForm({ error }: { error?: string }) {
  const message = error ? (ERRORS[error] ?? ERRORS.wrong) : undefined;
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
