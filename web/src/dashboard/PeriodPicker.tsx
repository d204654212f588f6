// Choosing the period: today, the last 7 or 30 days, or dates (checked before they are used).
import { useState } from "react";
import { useI18n } from "../i18n/i18n";
import { customProblem, kMaxCustomDays, type LocalDate, type PeriodChoice } from "./periods";

export interface PeriodPickerProps {
  choice: PeriodChoice;
  /** Today in the viewer's time zone: the latest date to choose. */
  today: LocalDate;
  onChoose: (choice: PeriodChoice) => void;
}

const kPresets = ["today", "last7", "last30"] as const;

export function PeriodPicker({ choice, today, onChoose }: PeriodPickerProps) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [first, setFirst] = useState<LocalDate>(choice.kind === "custom" ? choice.first : today);
  const [last, setLast] = useState<LocalDate>(choice.kind === "custom" ? choice.last : today);
  const problem = customProblem(first, last, today);

  return (
    <div className="period-picker" role="group" aria-label={t("dashboard.period")}>
      {kPresets.map((kind) => (
        <button
          key={kind}
          type="button"
          aria-pressed={choice.kind === kind}
          className={choice.kind === kind ? "active" : ""}
          data-period={kind}
          onClick={() => {
            setEditing(false);
            onChoose({ kind });
          }}
        >
          {t(`dashboard.${kind}`)}
        </button>
      ))}
      <button
        type="button"
        aria-pressed={choice.kind === "custom"}
        aria-expanded={editing}
        className={choice.kind === "custom" ? "active" : ""}
        data-period="custom"
        onClick={() => setEditing(!editing)}
      >
        {t("dashboard.custom")}
      </button>
      {editing ? (
        <form
          className="period-dates"
          onSubmit={(e) => {
            e.preventDefault();
            if (problem) return;
            setEditing(false);
            onChoose({ kind: "custom", first, last });
          }}
        >
          <label>
            {t("dashboard.first")}
            <input type="date" value={first} max={today} required onChange={(e) => setFirst(e.target.value)} data-testid="period-first" />
          </label>
          <label>
            {t("dashboard.last")}
            <input type="date" value={last} required onChange={(e) => setLast(e.target.value)} data-testid="period-last" />
          </label>
          <button type="submit" className="primary" disabled={problem !== null}>
            {t("dashboard.show")}
          </button>
          {problem ? (
            <span className="error" role="alert">
              {t(`dashboard.problem.${problem}`, { days: kMaxCustomDays })}
            </span>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
