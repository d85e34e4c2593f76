/** JSON-shaped values written as source code literals, indented in each language's usual way. */

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

type Syntax = {
  indent: string;
  bigint: (value: bigint) => string;
  key: (key: string) => string;
  string: (value: string) => string;
  true: string;
  false: string;
  null: string;
};

function write(value: unknown, syntax: Syntax, depth: number): string {
  const pad = syntax.indent.repeat(depth + 1);
  const close = syntax.indent.repeat(depth);
  if (value === null || value === undefined) return syntax.null;
  if (typeof value === "boolean") return value ? syntax.true : syntax.false;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : syntax.null;
  if (typeof value === "bigint") return syntax.bigint(value);
  if (typeof value === "string") return syntax.string(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => `${pad}${write(item, syntax, depth + 1)}`).join(",\n")},\n${close}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return "{}";
  const lines = entries.map(([key, item]) => `${pad}${syntax.key(key)}: ${write(item, syntax, depth + 1)}`);
  return `{\n${lines.join(",\n")},\n${close}}`;
}

const javaScript: Syntax = {
  indent: "  ",
  // The client writes its body with JSON.stringify, which has no exact form for these (docs/fal.md#seeds).
  bigint: (value) =>
    `${value} /* JavaScript rounds this to ${BigInt(Number(value))}; the Python and cURL snippets send it exactly */`,
  key: (key) => (IDENTIFIER.test(key) ? key : JSON.stringify(key)),
  string: (value) => JSON.stringify(value),
  true: "true",
  false: "false",
  null: "null",
};

/** JSON string escapes are valid Python string escapes, so JSON.stringify serves both languages. */
const python: Syntax = {
  indent: "    ",
  bigint: (value) => String(value),
  key: (key) => JSON.stringify(key),
  string: (value) => JSON.stringify(value),
  true: "True",
  false: "False",
  null: "None",
};

export function toJavaScriptLiteral(value: unknown, depth = 0): string {
  return write(value, javaScript, depth);
}

export function toPythonLiteral(value: unknown, depth = 0): string {
  return write(value, python, depth);
}

/** A single-quoted shell word: safe for any text, `'` included. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
