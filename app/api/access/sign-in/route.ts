import { guardedRoute } from "@/lib/http/guarded-route";
import { handleSignIn, SIGN_IN_BODY_LIMIT } from "@/lib/access/sign-in";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handle = guardedRoute(handleSignIn, () => SIGN_IN_BODY_LIMIT);

export { handle as POST };
