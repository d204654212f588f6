// A crisis's summary as a definition list: duration, cases, messages, how negative, replies,
// cases answered, median time to the first reply and the busiest hour.
import type { CrisisSummary } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { summaryFacts } from "./crisis_summary";

export function CrisisSummaryView({ summary, testId }: { summary: CrisisSummary; testId?: string }) {
  const i18n = useI18n();
  const facts = summaryFacts(summary, i18n, i18n.t);
  return (
    <dl className="crisis-summary" data-testid={testId}>
      {facts.map((f) => (
        <div key={f.id} data-fact={f.id}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
