// A rule's query as text: left to right inside either layout, each term in its own isolate so
// the terms keep their written order (see queryPieces), and — when `column` is given — the
// code point at that 1-based column marked (a mark just past the end for errors at the end).
// Never parsed as markup.
import { queryPieces, splitAtColumn } from "./listening_rules";

export function RuleQueryText({ query, column, title }: { query: string; column?: number; title?: string }) {
  const length = Array.from(query).length;
  const at = column === undefined ? -1 : Math.min(Math.max(Math.floor(column), 1), length + 1) - 1;
  return (
    <bdi dir="ltr" className="rule-query">
      {queryPieces(query).map((piece) => {
        const marked = at >= piece.start && at < piece.start + Array.from(piece.text).length;
        const body = marked ? <Marked text={piece.text} column={at - piece.start + 1} title={title} /> : piece.text;
        return piece.space ? (
          <span key={piece.start}>{body}</span>
        ) : (
          <bdi key={piece.start} dir="ltr">
            {body}
          </bdi>
        );
      })}
      {at === length ? (
        <mark className="caret at-end" title={title}>
          {" "}
        </mark>
      ) : null}
    </bdi>
  );
}

function Marked({ text, column, title }: { text: string; column: number; title: string | undefined }) {
  const { before, at, after } = splitAtColumn(text, column);
  return (
    <>
      {before}
      <mark className="caret" title={title}>
        {at}
      </mark>
      {after}
    </>
  );
}
