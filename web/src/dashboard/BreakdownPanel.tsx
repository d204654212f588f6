// The period broken down by a dimension the viewer picks: a bar per group (its cases) and a
// table of each group's figures. A bar or a row opens the group's cases.
import { useMemo } from "react";
import { Chart } from "react-chartjs-2";
import { formatCount } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { kDimensions, type BreakdownRow, type Dimension } from "./breakdown";
import { breakdownChartConfig } from "./chart_config";
import "./chart_setup";
import { formatFigure } from "./figures";
import { useChartText } from "./use_chart_text";

export interface BreakdownPanelProps {
  dimension: Dimension;
  onDimension: (dimension: Dimension) => void;
  /** The groups, most cases first; null while they load. */
  rows: readonly BreakdownRow[] | null;
  onSelect: (row: BreakdownRow) => void;
}

const kBarPx = 30;

export function BreakdownPanel({ dimension, onDimension, rows, onSelect }: BreakdownPanelProps) {
  const { lang, t } = useI18n();
  const text = useChartText();
  const shown = rows ?? [];
  const config = useMemo(
    () =>
      breakdownChartConfig(shown, text, (i) => {
        const row = shown[i];
        if (row) onSelect(row);
      }),
    [shown, text, onSelect],
  );
  const figure = (kind: "duration" | "rate", value: number | null) => (value === null ? t("dashboard.noValue") : formatFigure(kind, value, lang));
  const description = shown.map((r) => t("dashboard.breakdown.point", { group: r.name, cases: formatCount(r.cases, lang) })).join("; ");

  return (
    <section className="chart-card" aria-labelledby="breakdown-title" data-testid="breakdown">
      <div className="chart-head">
        <h2 id="breakdown-title">{t("dashboard.breakdown.title")}</h2>
        <label>
          {t("dashboard.breakdown.by")}
          <select value={dimension} onChange={(e) => onDimension(e.target.value as Dimension)} data-testid="breakdown-by">
            {kDimensions.map((d) => (
              <option key={d} value={d}>
                {t(`dashboard.dim.${d}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {rows === null ? (
        <p className="muted">{t("dashboard.loading")}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t("dashboard.breakdown.empty")}</p>
      ) : (
        <>
          <div className="chart-box breakdown-box" style={{ height: `${40 + kBarPx * rows.length}px` }}>
            <Chart type="bar" data={config.data} options={config.options} role="img" aria-label={description} />
          </div>
          <table className="grid breakdown-table">
            <thead>
              <tr>
                <th scope="col">{t(`dashboard.dim.${dimension}`)}</th>
                <th scope="col">{t("dashboard.cases")}</th>
                <th scope="col">{t("dashboard.medianFirstResponse")}</th>
                <th scope="col">{t("dashboard.slaCompliance")}</th>
                <th scope="col">{t("dashboard.responseRate")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("dashboard.showCases")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.group} data-group={r.group}>
                  <th scope="row">
                    <bdi>{r.name}</bdi>
                  </th>
                  <td>{formatCount(r.cases, lang)}</td>
                  <td>{figure("duration", r.medianFirstResponse)}</td>
                  <td>{figure("rate", r.slaCompliance)}</td>
                  <td>{figure("rate", r.responseRate)}</td>
                  <td>
                    <button type="button" className="link" onClick={() => onSelect(r)}>
                      {t("dashboard.showCases")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
