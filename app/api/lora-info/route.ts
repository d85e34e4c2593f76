import { createLoraInfoHandler } from "@/lib/lora-info/handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// A GET without a body: proxy.ts has already applied the password gate and the security headers.
export const GET = createLoraInfoHandler();
