// A short guide to the rule language, in the agent's language, with example queries that mix
// Hebrew and English (the queries themselves are the same in both; docs/listening.md has the
// full grammar).
import type { MessageKey } from "../i18n/messages";
import { useI18n } from "../i18n/i18n";
import { codeSpans } from "./listening_rules";
import { RuleQueryText } from "./RuleQueryText";

const kExamples: ReadonlyArray<{ query: string; about: MessageKey }> = [
  { query: "קנטינה AND (מקולקל OR הרעלה)", about: "listening.help.exAndOr" },
  { query: '"Cantina Café" NEAR/3 refund', about: "listening.help.exNear" },
  { query: "החזר* OR refund*", about: "listening.help.exPrefix" },
  { query: "#קנטינה", about: "listening.help.exHashtag" },
  { query: "@kantina", about: "listening.help.exHandle" },
  { query: "(קנטינה OR cantina) lang:he", about: "listening.help.exLang" },
  { query: "cantina followers:>10000", about: "listening.help.exFollowers" },
  { query: "(קנטינה OR cantina) NOT משרה", about: "listening.help.exNot" },
];

const kNotes: readonly MessageKey[] = [
  "listening.help.operators",
  "listening.help.matching",
  "listening.help.fields",
  "listening.help.columns",
];

export function RuleSyntaxHelp() {
  const { t } = useI18n();
  return (
    <details className="rule-help" data-testid="rule-help">
      <summary>{t("listening.help.title")}</summary>
      <ul>
        {kNotes.map((key) => (
          <li key={key}>
            <WithCode text={t(key)} />
          </li>
        ))}
      </ul>
      <h3>{t("listening.help.examples")}</h3>
      <dl>
        {kExamples.map((ex) => (
          <div key={ex.query}>
            <dt>
              <code>
                <RuleQueryText query={ex.query} />
              </code>
            </dt>
            <dd>
              <WithCode text={t(ex.about)} />
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** A translated sentence whose `backticked` pieces are rule syntax, shown as isolated code. */
function WithCode({ text }: { text: string }) {
  return (
    <>
      {codeSpans(text).map((piece, i) =>
        piece.code ? (
          <bdi key={i} dir="ltr">
            <code>{piece.text}</code>
          </bdi>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}
