// Team load and presence: who is present, how many active cases each holds against their
// capacity, per team. Refreshed every few seconds and on every case event.
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../api/client";
import type { PresenceEntry } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { useDirectory } from "../state/directory";
import { useLive, useLiveEvents } from "../state/live";

const kRefreshMs = 10_000;

export function TeamPage() {
  const { t } = useI18n();
  const { teams } = useDirectory();
  const { epoch } = useLive();
  const [presence, setPresence] = useState<PresenceEntry[]>([]);
  const pending = useRef(false);

  const load = useCallback(() => {
    api
      .get<{ items?: PresenceEntry[] }>("/api/v1/presence")
      .then((p) => setPresence(p.items ?? []))
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    load();
    const every = setInterval(load, kRefreshMs);
    return () => clearInterval(every);
  }, [load, epoch]);
  useLiveEvents((e) => {
    if (!e.type.startsWith("case.") || pending.current) return;
    pending.current = true;
    setTimeout(() => {
      pending.current = false;
      load();
    }, 500);
  });

  const byUser = new Map(presence.map((p) => [p.user_id ?? "", p]));
  const groups = [...teams.map((team) => ({ name: team.name ?? "", members: team.members ?? [] }))];
  const inTeams = new Set(groups.flatMap((g) => g.members));
  const loose = presence.filter((p) => !inTeams.has(p.user_id ?? "")).map((p) => p.user_id ?? "");
  if (loose.length) groups.push({ name: "—", members: loose });

  return (
    <section className="page team" data-testid="team-load">
      <h1>{t("team.title")}</h1>
      {groups.map((g) => (
        <table key={g.name} className="grid">
          <caption>
            <bdi>{g.name}</bdi>
          </caption>
          <thead>
            <tr>
              <th>{t("team.agent")}</th>
              <th>{t("team.present")}</th>
              <th>{t("team.load")}</th>
            </tr>
          </thead>
          <tbody>
            {g.members.map((id) => {
              const p = byUser.get(id);
              const load = p?.load ?? 0;
              const capacity = p?.capacity ?? 0;
              return (
                <tr key={id} className={p?.present ? "present" : "absent"}>
                  <td>
                    <bdi>{p?.display_name ?? id}</bdi>
                  </td>
                  <td>{p?.present ? t("team.yes") : t("team.no")}</td>
                  <td>
                    <meter min={0} max={Math.max(capacity, 1)} value={load} high={Math.max(capacity - 1, 0)} /> {load} / {capacity}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
    </section>
  );
}
