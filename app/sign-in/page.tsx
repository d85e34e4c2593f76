import { SignInForm } from "@/components/access/sign-in-form";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const { error } = await searchParams;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-4 p-4">
      <h1 className="text-2xl font-semibold">fal LoRA playground</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        This playground is private. Enter the password you were given.
      </p>
      <SignInForm error={error} />
    </main>
  );
}
