import { handleSignIn } from "@/lib/access/sign-in";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export { handleSignIn as POST };
