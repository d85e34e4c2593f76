import { isRecord } from "@/lib/json/is-record";

/**
 * One field's schema in the form every source is brought to before comparing: fal's OpenAPI (live
 * or the committed snapshot) and the playground's own zod schema (through `z.toJSONSchema`). It is
 * JSON Schema reduced to what binds an input: references resolved, `null` alternatives dropped,
 * titles, descriptions and examples left out.
 */
export type SchemaNode = {
  type?: string;
  enum?: unknown[];
  default?: unknown;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  /** Why the playground's rule is narrower than fal's (lib/fal/input-schema.ts); never in fal's. */
  stricterThanFal?: string;
} & Partial<Record<Bound, number | string>>;

export const BOUNDS = [
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "pattern",
] as const;
export type Bound = (typeof BOUNDS)[number];

const LOWER_BOUNDS = new Set<Bound>(["minimum", "exclusiveMinimum", "minLength", "minItems"]);

type Json = Record<string, unknown>;
/** Finds the schema a `$ref` points to. */
export type ResolveRef = (ref: string) => unknown;

/** A JSON Schema (OpenAPI 3.0 or 3.1, or zod's) as a `SchemaNode`, following `$ref`s through `resolve`. */
export function toSchemaNode(schema: unknown, resolve: ResolveRef, depth = 0): SchemaNode {
  return withoutSafeIntegerBounds(readNode(schema, resolve, depth));
}

/** JavaScript's safe-integer range is zod's, not a bound of the input. */
function withoutSafeIntegerBounds(node: SchemaNode): SchemaNode {
  if (node.type !== "integer") return node;
  const { minimum, maximum, ...rest } = node;
  return withoutUnset({
    ...rest,
    minimum: minimum === -Number.MAX_SAFE_INTEGER ? undefined : minimum,
    maximum: maximum === Number.MAX_SAFE_INTEGER ? undefined : maximum,
  });
}

function readNode(schema: unknown, resolve: ResolveRef, depth: number): SchemaNode {
  if (!isRecord(schema) || depth > 32) return {};
  const { $ref, allOf, anyOf, oneOf, ...own } = schema;
  // A reference or a one-item allOf is its target, with the keywords beside it (a default) on top.
  const targets = [
    ...(typeof $ref === "string" ? [resolve($ref)] : []),
    ...(Array.isArray(allOf)
      ? allOf.map((part) => (isRecord(part) && typeof part.$ref === "string" ? resolve(part.$ref) : part))
      : []),
  ];
  if (targets.length > 0) {
    const merged = Object.assign({}, ...targets.filter(isRecord).map((target) => ({ ...target })), own) as Json;
    return readNode(merged, resolve, depth + 1);
  }
  const alternatives = Array.isArray(anyOf) ? anyOf : Array.isArray(oneOf) ? oneOf : undefined;
  if (alternatives) return fromAlternatives(alternatives, own, resolve, depth);
  return fromPlain(own, resolve, depth);
}

function fromAlternatives(alternatives: unknown[], own: Json, resolve: ResolveRef, depth: number): SchemaNode {
  const seen = new Set<string>();
  const variants = alternatives
    .filter((variant) => !(isRecord(variant) && variant.type === "null"))
    .map((variant) => readNode(variant, resolve, depth + 1))
    .filter((variant) => {
      const key = JSON.stringify(variant);
      return !seen.has(key) && (seen.add(key), true);
    });
  const extra = fromPlain(own, resolve, depth);
  const [only] = variants;
  if (variants.length === 1 && only) return { ...only, ...extra };
  // Integer alternatives (a number seed and a BigInt one) are one integer range.
  if (variants.length > 1 && variants.every((variant) => variant.type === "integer" && !variant.enum)) {
    const lows = variants.map((variant) => variant.minimum);
    const highs = variants.map((variant) => variant.maximum);
    const low = lows.every((value) => typeof value === "number") ? Math.min(...(lows as number[])) : undefined;
    const high = highs.every((value) => typeof value === "number") ? Math.max(...(highs as number[])) : undefined;
    return withoutUnset({ type: "integer", minimum: low, maximum: high, ...extra });
  }
  const anyOf = variants.map(withoutSafeIntegerBounds).sort((a, b) => String(a.type).localeCompare(String(b.type)));
  return { anyOf, ...extra };
}

function fromPlain(schema: Json, resolve: ResolveRef, depth: number): SchemaNode {
  const node: SchemaNode = {};
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter(
    (type): type is string => typeof type === "string" && type !== "null",
  );
  if (types.length === 1) node.type = types[0];
  if (Array.isArray(schema.enum)) node.enum = schema.enum.filter((value) => value !== null);
  if ("default" in schema && schema.default !== null) node.default = schema.default;
  for (const bound of BOUNDS) {
    const value = schema[bound];
    if (typeof value === "number" || (bound === "pattern" && typeof value === "string")) node[bound] = value;
  }
  // OpenAPI 3.0 marks an exclusive bound with a flag on the bound itself.
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (schema[flag] === true && typeof schema[bound] === "number") {
      node[flag] = schema[bound];
      delete node[bound];
    }
  }
  if (schema.items !== undefined) node.items = toSchemaNode(schema.items, resolve, depth + 1);
  if (isRecord(schema.properties)) {
    node.type = "object";
    node.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => [key, toSchemaNode(value, resolve, depth + 1)]),
    );
    node.required = (Array.isArray(schema.required) ? schema.required.map(String) : []).sort();
  }
  if (typeof schema.stricterThanFal === "string") node.stricterThanFal = schema.stricterThanFal;
  return node;
}

function withoutUnset(node: SchemaNode): SchemaNode {
  return Object.fromEntries(Object.entries(node).filter(([, value]) => value !== undefined)) as SchemaNode;
}

/** One way two schemas differ, at a field path such as `loras[].scale`. */
export type SchemaDifference =
  | { path: string; what: "missing" | "extra"; node: SchemaNode }
  | { path: string; what: "type" | "enum" | "default" | "required"; fal: unknown; ours: unknown }
  | {
      path: string;
      what: "bound";
      bound: Bound;
      fal: number | string | undefined;
      ours: number | string | undefined;
      /** The second schema's bound only narrows the first's. */
      narrower: boolean;
      /** The second schema says why it is narrower. */
      reason?: string;
    };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sorted = (values: unknown[] | undefined) => values && [...values].map(String).sort();

function narrows(bound: Bound, fal: number | string | undefined, ours: number | string | undefined): boolean {
  if (ours === undefined) return false;
  if (bound === "pattern") return fal === undefined;
  if (fal === undefined) return true;
  return LOWER_BOUNDS.has(bound) ? ours >= fal : ours <= fal;
}

/**
 * Every difference between fal's schema of a field (`fal`) and another one (`ours`: the
 * playground's, or fal's live one against the snapshot), walking objects, items and alternatives.
 */
export function diffSchemas(fal: SchemaNode, ours: SchemaNode, path = ""): SchemaDifference[] {
  const differences: SchemaDifference[] = [];
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if (fal.type !== ours.type) differences.push({ path, what: "type", fal: fal.type, ours: ours.type });
  if (!same(sorted(fal.enum), sorted(ours.enum)))
    differences.push({ path, what: "enum", fal: fal.enum, ours: ours.enum });
  if (!same(fal.default, ours.default))
    differences.push({ path, what: "default", fal: fal.default, ours: ours.default });
  for (const bound of BOUNDS) {
    if (fal[bound] === ours[bound]) continue;
    differences.push({
      path,
      what: "bound",
      bound,
      fal: fal[bound],
      ours: ours[bound],
      narrower: narrows(bound, fal[bound], ours[bound]),
      reason: ours.stricterThanFal,
    });
  }
  if (fal.items || ours.items) differences.push(...diffSchemas(fal.items ?? {}, ours.items ?? {}, `${path}[]`));
  if (fal.anyOf || ours.anyOf) {
    const count = Math.max(fal.anyOf?.length ?? 0, ours.anyOf?.length ?? 0);
    for (let index = 0; index < count; index++)
      differences.push(...diffSchemas(fal.anyOf?.[index] ?? {}, ours.anyOf?.[index] ?? {}, `${path}|${index}`));
  }
  if (fal.properties || ours.properties) {
    if (!same(fal.required ?? [], ours.required ?? []))
      differences.push({ path, what: "required", fal: fal.required, ours: ours.required });
    const falFields = fal.properties ?? {};
    const ourFields = ours.properties ?? {};
    for (const [key, node] of Object.entries(falFields)) {
      const other = ourFields[key];
      if (other) differences.push(...diffSchemas(node, other, at(key)));
      else differences.push({ path: at(key), what: "missing", node });
    }
    for (const [key, node] of Object.entries(ourFields))
      if (!(key in falFields)) differences.push({ path: at(key), what: "extra", node });
  }
  return differences;
}

const show = (value: unknown) => (value === undefined ? "none" : JSON.stringify(value));

/** A difference in words: "loras[].scale: maximum 4 in the snapshot, 5 live". */
export function describeDifference(difference: SchemaDifference, names = { fal: "fal's", ours: "ours" }): string {
  const where = difference.path || "the input";
  switch (difference.what) {
    case "missing":
      return `${where}: only in ${names.fal} (${show(difference.node.type ?? difference.node.anyOf)})`;
    case "extra":
      return `${where}: only in ${names.ours} (${show(difference.node.type ?? difference.node.anyOf)})`;
    case "bound":
      return `${where}: ${difference.bound} ${show(difference.fal)} in ${names.fal}, ${show(difference.ours)} in ${names.ours}`;
    default:
      return `${where}: ${difference.what} ${show(difference.fal)} in ${names.fal}, ${show(difference.ours)} in ${names.ours}`;
  }
}
