// A query with the place the server pointed at marked under it: the code point at the
// error's column is highlighted and carries a caret, laid out like the rule list shows
// queries, left to right, aligned with the query's own text box.
import { useI18n } from "../i18n/i18n";
import { RuleQueryText } from "./RuleQueryText";

export function QueryCaret({ query, column }: { query: string; column: number }) {
  const { t } = useI18n();
  const label = t("listening.column", { column });
  return (
    <p className="query-caret" dir="ltr" data-testid="query-caret" data-column={column}>
      <RuleQueryText query={query} column={column} title={label} />
      <span className="visually-hidden">{label}</span>
    </p>
  );
}
