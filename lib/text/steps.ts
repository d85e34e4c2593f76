/**
 * The work the parsers of outside text do, counted in steps: a character looked at, a line or a
 * list item visited. Tests hold each parser to a budget linear in its input: a count, so it does
 * not depend on the machine's speed. A regex counts the length of the text it runs on; only
 * regexes that cannot backtrack over a run of that text are used there. Nothing reads the count
 * in production.
 */
let taken = 0;

/** Counts `count` steps: a scan over `count` characters, or `count` items visited. */
export function step(count = 1): void {
  taken += count;
}

/** The steps `run` took (awaited when it returns a promise). */
export async function stepsOf(run: () => unknown): Promise<number> {
  const before = taken;
  await run();
  return taken - before;
}
