// The queues an agent works from: their own, the unassigned pool, each of their teams, the
// cases about to breach, each network, and (for supervisors) everything active.
import type { Platform } from "../api/types";
import { PlatformIcon } from "../common/PlatformIcon";
import { useI18n } from "../i18n/i18n";
import { useDirectory } from "../state/directory";
import { useMe } from "../state/session";
import { queueKey, type QueueId } from "./queues";

const kPlatforms: Platform[] = ["x", "facebook", "messenger", "instagram"];

export function QueueNav({ current, onChoose }: { current: QueueId; onChoose: (q: QueueId) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const { teams } = useDirectory();
  const supervisor = me.role !== "agent";
  const myTeams = supervisor ? teams : teams.filter((team) => team.members?.includes(me.id ?? ""));
  const currentKey = queueKey(current);
  const item = (q: QueueId, label: React.ReactNode) => {
    const key = queueKey(q);
    return (
      <li key={key}>
        <button type="button" className={key === currentKey ? "active" : ""} aria-current={key === currentKey} onClick={() => onChoose(q)} data-queue={key}>
          {label}
        </button>
      </li>
    );
  };
  return (
    <nav className="queues" aria-label={t("nav.inbox")}>
      <ul>
        {item({ kind: "mine" }, t("queue.mine"))}
        {item({ kind: "unassigned" }, t("queue.unassigned"))}
        {item({ kind: "breaching" }, t("queue.breaching"))}
        {supervisor ? item({ kind: "all" }, t("queue.all")) : null}
      </ul>
      {myTeams.length ? (
        <>
          <h3>{t("queue.teams")}</h3>
          <ul>{myTeams.map((team) => item({ kind: "team", teamId: team.id ?? "" }, <bdi>{team.name}</bdi>))}</ul>
        </>
      ) : null}
      <h3>{t("queue.platforms")}</h3>
      <ul>
        {kPlatforms.map((p) =>
          item(
            { kind: "platform", platform: p },
            <>
              <PlatformIcon platform={p} /> {t(`platform.${p}`)}
            </>,
          ),
        )}
      </ul>
    </nav>
  );
}
