import type { z } from "zod";
import { pathLabel } from "./field-labels";

type Node = Record<PropertyKey, unknown>;

/** The fields zod refused as unknown, each as "LoRA 1: "force"" in the user's words. */
export function unknownFields(issues: readonly z.core.$ZodIssue[]): { path: PropertyKey[]; key: string }[] {
  return issues.flatMap((issue) =>
    issue.code === "unrecognized_keys" ? issue.keys.map((key) => ({ path: issue.path, key })) : [],
  );
}

/** A note naming a field this endpoint does not have, which was left out. */
export function unknownFieldNote({ path, key }: { path: PropertyKey[]; key: string }): string {
  const where = path.length > 0 ? `${pathLabel(path)}: ` : "";
  return `${where}"${key}" is not a setting of this endpoint; it was left out.`;
}

/** The body without the fields the schema does not know, as pydantic reads it (fal ignores them). */
export function withoutUnknownFields(body: unknown, issues: readonly z.core.$ZodIssue[]): unknown {
  const copy: unknown = structuredClone(body);
  for (const { path, key } of unknownFields(issues)) {
    const target = path.reduce<unknown>((node, step) => (node as Node | undefined)?.[step], copy) as Node | undefined;
    if (target) delete target[key];
  }
  return copy;
}
