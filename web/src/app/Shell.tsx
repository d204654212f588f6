// The frame around every page: the navigation, the live connection's state, the agent's
// presence, the language switch and signing out; the crisis banner under it, and for
// supervisors a notice when a spike starts.
import { lazy, Suspense, useState } from "react";
import { api } from "../api/client";
import type { PresenceEntry } from "../api/types";
import { HelpOverlay } from "../common/HelpOverlay";
import { useI18n } from "../i18n/i18n";
import { useLive } from "../state/live";
import { navigate, type Page, type Route } from "../state/router";
import { useMe, useSession } from "../state/session";
import { InboxPage } from "../inbox/InboxPage";
import { ApprovalsPage } from "../supervisor/ApprovalsPage";
import { TeamPage } from "../supervisor/TeamPage";
import { SlaBoardPage } from "../supervisor/SlaBoardPage";
import { SettingsPage } from "../settings/SettingsPage";
import { ListeningRulesPage } from "../settings/ListeningRulesPage";
import { canViewMetrics } from "../dashboard/metrics_query";
import { CrisisBanner } from "../crisis/CrisisBanner";
import { canRunCrisis } from "../crisis/crisis_form";
import { SpikeToasts } from "../spikes/SpikeToasts";
import { useSpikeNotices } from "../spikes/use_spike_notices";

// The dashboard, the topics (and their chart library) and the crisis page load only when a
// supervisor first opens them.
const DashboardPage = lazy(() => import("../dashboard/DashboardPage").then((m) => ({ default: m.DashboardPage })));
const CrisisPage = lazy(() => import("../crisis/CrisisPage").then((m) => ({ default: m.CrisisPage })));
const TopicsPage = lazy(() => import("../topics/TopicsPage").then((m) => ({ default: m.TopicsPage })));

export function Shell({ route, inert }: { route: Route; inert: boolean }) {
  const { t, lang, setLang } = useI18n();
  const me = useMe();
  const { signOut } = useSession();
  const live = useLive();
  const [help, setHelp] = useState(false);
  const [away, setAway] = useState(false);
  const supervisor = me.role !== "agent";
  const spikes = useSpikeNotices(canViewMetrics(me.role), route.page === "dashboard");

  const pages: Array<[Page, string, boolean]> = [
    ["inbox", t("nav.inbox"), true],
    ["approvals", t("nav.approvals"), supervisor],
    ["team", t("nav.team"), supervisor],
    ["sla", t("nav.sla"), supervisor],
    ["dashboard", t("nav.dashboard"), canViewMetrics(me.role)],
    ["topics", t("nav.topics"), canViewMetrics(me.role)],
    ["crisis", t("nav.crisis"), canRunCrisis(me.role)],
    ["listening", t("nav.listening"), true],
    ["settings", t("nav.settings"), true],
  ];

  const togglePresence = () => {
    const next = away ? "available" : "away";
    api
      .put<{ items?: PresenceEntry[] }>("/api/v1/me/presence", { status: next })
      .then(() => setAway(!away))
      .catch(() => undefined);
  };

  return (
    <div className="shell" inert={inert || undefined}>
      <a className="skip" href="#main">
        {t("app.skip")}
      </a>
      <header className="topbar">
        <span className="brand">{t("app.name")}</span>
        <nav aria-label="main">
          {pages
            .filter(([, , shown]) => shown)
            .map(([page, label]) => (
              <a
                key={page}
                href={page === "inbox" ? "/" : `/${page}`}
                className={route.page === page ? "active" : ""}
                aria-current={route.page === page ? "page" : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(page === "inbox" ? "/" : `/${page}`);
                }}
                data-nav={page}
              >
                {label}
                {page === "dashboard" && spikes.unseen > 0 ? (
                  <span className="nav-badge" data-testid="spike-badge">
                    <span aria-hidden="true">{spikes.unseen}</span>
                    <span className="visually-hidden">{t("spike.badge", { count: spikes.unseen })}</span>
                  </span>
                ) : null}
              </a>
            ))}
        </nav>
        <span className={`stream stream-${live.status}`} data-testid="stream-status" data-status={live.status}>
          {t(`stream.${live.status}`)}
        </span>
        {me.role !== "admin" ? (
          <button type="button" className={`presence ${away ? "away" : "available"}`} onClick={togglePresence} data-testid="presence">
            {t(away ? "presence.away" : "presence.available")}
          </button>
        ) : null}
        <bdi className="me">{me.display_name || me.username}</bdi>
        <button type="button" className="link" onClick={() => setLang(lang === "he" ? "en" : "he")} data-testid="language">
          {t("nav.language")}
        </button>
        <button type="button" className="link" onClick={() => setHelp(true)} aria-label={t("nav.help")}>
          ?
        </button>
        <button type="button" className="link" onClick={() => void signOut()} data-testid="signout">
          {t("nav.signout")}
        </button>
      </header>
      <CrisisBanner />
      <main id="main">
        {route.page === "inbox" ? <InboxPage route={route} onHelp={() => setHelp(true)} /> : null}
        {route.page === "approvals" ? <ApprovalsPage /> : null}
        {route.page === "team" ? <TeamPage /> : null}
        {route.page === "sla" ? <SlaBoardPage /> : null}
        {route.page === "dashboard" ? (
          <Suspense fallback={<p className="page muted">{t("list.loading")}</p>}>
            <DashboardPage />
          </Suspense>
        ) : null}
        {route.page === "topics" ? (
          <Suspense fallback={<p className="page muted">{t("list.loading")}</p>}>
            <TopicsPage />
          </Suspense>
        ) : null}
        {route.page === "crisis" ? (
          <Suspense fallback={<p className="page muted">{t("list.loading")}</p>}>
            <CrisisPage />
          </Suspense>
        ) : null}
        {route.page === "settings" ? <SettingsPage /> : null}
        {route.page === "listening" ? <ListeningRulesPage /> : null}
      </main>
      {canViewMetrics(me.role) ? <SpikeToasts notices={spikes.notices} onDismiss={spikes.dismiss} /> : null}
      {help ? <HelpOverlay onClose={() => setHelp(false)} /> : null}
    </div>
  );
}
