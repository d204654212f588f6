// Settings: the agent's own preferences (language, time zone), the teams (editable by
// supervisors), people's capacity (editable by admins), a way to the listening rules (their
// own page), and the server's SLA policies, calendars and channel accounts (read-only: they
// live in the configuration file).
import { useEffect, useState } from "react";
import { api, ApiError } from "../api/client";
import type { Team, User } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { useDirectory } from "../state/directory";
import { navigate } from "../state/router";
import { useMe } from "../state/session";
import { ConfigView } from "./ConfigView";

const kZones = ["Asia/Jerusalem", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "UTC"];

export function SettingsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const { users, teams } = useDirectory();
  const [server, setServer] = useState<Record<string, unknown> | null | "unavailable">(null);

  useEffect(() => {
    api
      .get<Record<string, unknown>>("/api/v1/settings")
      .then(setServer)
      .catch(() => setServer("unavailable"));
  }, []);

  const zones = kZones.includes(i18n.timeZone) ? kZones : [i18n.timeZone, ...kZones];
  return (
    <section className="page settings" data-testid="settings">
      <h1>{t("settings.title")}</h1>
      <section>
        <h2>{t("settings.preferences")}</h2>
        <label>
          {t("settings.language")}
          <select value={i18n.lang} onChange={(e) => i18n.setLang(e.target.value as "he" | "en")} data-testid="pref-language">
            <option value="he">עברית</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          {t("settings.timeZone")}
          <select value={i18n.timeZone} onChange={(e) => i18n.setTimeZone(e.target.value)}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </label>
      </section>
      <section>
        <h2>{t("settings.teams")}</h2>
        <ul className="teams">
          {teams.map((team) => (
            <TeamRow key={team.id} team={team} users={users} editable={me.role !== "agent"} />
          ))}
        </ul>
      </section>
      <section>
        <h2>{t("settings.users")}</h2>
        <table className="grid">
          <tbody>
            {users.map((u) => (
              <UserRow key={u.id} user={u} editable={me.role === "admin"} />
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2>{t("settings.listening")}</h2>
        <p className="muted">{t("settings.listeningAbout")}</p>
        <a
          href="/listening"
          onClick={(e) => {
            e.preventDefault();
            navigate("/listening");
          }}
          data-testid="settings-listening"
        >
          {t("settings.listeningOpen")}
        </a>
      </section>
      <section>
        <h2>{t("settings.sla")}</h2>
        <p className="muted">{t("settings.readOnly")}</p>
        {server === "unavailable" ? <p className="muted">{t("settings.unavailable")}</p> : server ? <ConfigView value={server} /> : null}
      </section>
    </section>
  );
}

function TeamRow({ team, users, editable }: { team: Team; users: User[]; editable: boolean }) {
  const [members, setMembers] = useState<string[]>(team.members ?? []);
  useEffect(() => setMembers(team.members ?? []), [team.members]);
  const save = () =>
    api.put<Team>(`/api/v1/teams/${encodeURIComponent(team.id ?? "")}`, {
      name: team.name,
      languages: team.scope?.languages ?? [],
      platforms: team.scope?.platforms ?? [],
      calendar: team.calendar,
      signature: team.signature,
      members,
    });
  return (
    <li className="team-row">
      <strong>
        <bdi>{team.name}</bdi>
      </strong>{" "}
      <span className="muted">
        {(team.scope?.platforms ?? []).join(", ")} · {team.calendar} · {team.signature}
      </span>
      <div className="members">
        {users.map((u) => (
          <label key={u.id}>
            <input
              type="checkbox"
              disabled={!editable}
              checked={members.includes(u.id ?? "")}
              onChange={(e) => setMembers(e.target.checked ? [...members, u.id ?? ""] : members.filter((m) => m !== u.id))}
            />
            <bdi>{u.display_name || u.username}</bdi>
          </label>
        ))}
      </div>
      {editable ? <SaveButton save={save} /> : null}
    </li>
  );
}

function UserRow({ user, editable }: { user: User; editable: boolean }) {
  const { t } = useI18n();
  const [capacity, setCapacity] = useState(user.capacity ?? 0);
  const save = () => api.patch<User>(`/api/v1/users/${encodeURIComponent(user.id ?? "")}`, { capacity });
  return (
    <tr>
      <td>
        <bdi>{user.display_name || user.username}</bdi>
      </td>
      <td>{user.role}</td>
      <td>{(user.skills?.languages ?? []).join(", ")}</td>
      <td>
        <label>
          {t("settings.capacity")}{" "}
          <input type="number" min={0} max={500} value={capacity} disabled={!editable} onChange={(e) => setCapacity(Number(e.target.value))} />
        </label>
        {editable ? <SaveButton save={save} /> : null}
      </td>
    </tr>
  );
}

/** A save button that says how its request ended: "saved", or the server's reason. */
function SaveButton({ save }: { save: () => Promise<unknown> }) {
  const { t } = useI18n();
  const [state, setState] = useState("");
  const run = () =>
    save()
      .then(() => setState(t("settings.saved")))
      .catch((e: unknown) => setState(e instanceof ApiError ? e.message : String(e)));
  return (
    <>
      <button type="button" onClick={run}>
        {t("settings.save")}
      </button>
      <span role="status">{state}</span>
    </>
  );
}
