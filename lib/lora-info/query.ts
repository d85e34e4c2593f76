import { WEIGHTS_ROLES, type WeightsRole } from "./card";

/** Where the page asks for a card. */
export const LORA_INFO_ROUTE = "/api/lora-info";

/** Paths longer than this are no model location; the route refuses them unread. */
export const MAX_PATH_LENGTH = 2048;

/** What a card is asked for: the path, the field it is in, and for an IP adapter its file. */
export type CardQuery = { path: string; role: WeightsRole; subfolder?: string; weightName?: string };

/** The route's URL for a query; the same query always gives the same URL, so the browser's cache can answer it. */
export function cardUrl(query: CardQuery): string {
  const params = new URLSearchParams({ role: query.role, path: query.path.trim() });
  if (query.subfolder?.trim()) params.set("subfolder", query.subfolder.trim());
  if (query.weightName?.trim()) params.set("weight", query.weightName.trim());
  return `${LORA_INFO_ROUTE}?${params.toString()}`;
}

/** Reads a card query from the route's search parameters, or says what is wrong with it. */
export function readCardQuery(params: URLSearchParams): CardQuery | { error: string } {
  const path = params.get("path")?.trim() ?? "";
  const role = params.get("role") ?? "lora";
  if (!path) return { error: "Give a path: a URL or a Hugging Face id." };
  if (path.length > MAX_PATH_LENGTH) return { error: `A path is at most ${MAX_PATH_LENGTH} characters.` };
  if (!(WEIGHTS_ROLES as readonly string[]).includes(role))
    return { error: `role must be one of ${WEIGHTS_ROLES.join(", ")}.` };
  const text = (name: string) => params.get(name)?.trim().slice(0, 512) || undefined;
  return { path, role: role as WeightsRole, subfolder: text("subfolder"), weightName: text("weight") };
}
