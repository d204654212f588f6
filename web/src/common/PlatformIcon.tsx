// A small mark per network, drawn here (no third-party logos), with the network's name for
// screen readers and as a tooltip.
import type { Platform } from "../api/types";
import { useI18n } from "../i18n/i18n";

const kGlyph: Record<Platform, { letter: string; colour: string }> = {
  x: { letter: "X", colour: "#111" },
  facebook: { letter: "f", colour: "#1b5fc1" },
  messenger: { letter: "m", colour: "#7b3fe4" },
  instagram: { letter: "ig", colour: "#c13584" },
  linkedin: { letter: "in", colour: "#0a66c2" },
  tiktok: { letter: "t", colour: "#222" },
  rss: { letter: "w", colour: "#d96a00" },
};

export function PlatformIcon({ platform }: { platform: Platform }) {
  const { t } = useI18n();
  const glyph = kGlyph[platform] ?? { letter: "?", colour: "#666" };
  const name = t(`platform.${platform}`);
  return (
    <svg className="platform-icon" viewBox="0 0 20 20" width="20" height="20" role="img" aria-label={name} data-platform={platform}>
      <title>{name}</title>
      <circle cx="10" cy="10" r="10" fill={glyph.colour} />
      <text x="10" y="14" textAnchor="middle" fontSize={glyph.letter.length > 1 ? 9 : 12} fontWeight="700" fill="#fff">
        {glyph.letter}
      </text>
    </svg>
  );
}
