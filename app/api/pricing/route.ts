import { createPricingService } from "@/lib/pricing/pricing-service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const priceQuote = createPricingService();

/** What a run costs for the key in use (the page's own header, else FAL_KEY); "unknown" with a reason when fal says nothing usable. */
export async function GET(request: Request): Promise<Response> {
  return Response.json(await priceQuote(request.headers), { headers: { "cache-control": "private, no-store" } });
}
