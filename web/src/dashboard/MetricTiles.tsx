// The tiles: each figure of the period, its trend against the previous period (green when it
// moved the better way, red when the worse), and what it was before. A tile opens the cases
// behind it.
import { useI18n } from "../i18n/i18n";
import { formatFigure } from "./figures";
import type { Tile } from "./tiles";
import { trendText } from "./trend_text";

export interface MetricTilesProps {
  tiles: readonly Tile[];
  onSelect: (tile: Tile) => void;
}

export function MetricTiles({ tiles, onSelect }: MetricTilesProps) {
  const { lang, t } = useI18n();
  const shown = (value: number | null, kind: Tile["kind"]) => (value === null ? t("dashboard.noValue") : formatFigure(kind, value, lang));
  return (
    <ul className="tiles" data-testid="tiles">
      {tiles.map((tile) => {
        const trend = tile.trend ? trendText(tile.trend, lang, t) : null;
        return (
          <li key={tile.id}>
            <button type="button" className="tile" data-tile={tile.id} onClick={() => onSelect(tile)}>
              <span className="tile-label">{t(`dashboard.tile.${tile.id}`)}</span>
              <span className="tile-value" data-testid="tile-value" title={tile.value === null ? t("dashboard.noValueHint") : undefined}>
                {shown(tile.value, tile.kind)}
              </span>
              {trend ? (
                <span className={`trend trend-${trend.verdict}`} data-verdict={trend.verdict}>
                  <span aria-hidden="true">
                    {trend.arrow} {trend.change}
                  </span>
                  <span className="visually-hidden">{trend.spoken}</span>
                </span>
              ) : null}
              <span className="tile-previous">{t("dashboard.previous", { value: shown(tile.previous, tile.kind) })}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
