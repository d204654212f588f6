// Putting the crisis's holding statement into a reply draft: at the agent's cursor (replacing a
// selection), with a space on either side where it would otherwise touch a word.

export interface Inserted {
  text: string;
  /** Where the cursor goes: right after the statement. */
  caret: number;
}

/**
 * `text` with `statement` put at [start, end) (clamped to the text; the end of the text when
 * the cursor is unknown), spaced from the words around it.
 */
export function insertStatement(text: string, statement: string, start: number = text.length, end: number = start): Inserted {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  const before = text.slice(0, from);
  const after = text.slice(to);
  const piece = statement.trim();
  const lead = before !== "" && !/\s$/.test(before) ? " " : "";
  const trail = after !== "" && !/^\s/.test(after) ? " " : "";
  const inserted = lead + piece + trail;
  return { text: before + inserted + after, caret: before.length + lead.length + piece.length };
}
