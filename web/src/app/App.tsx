// The app: language, session, and — once signed in — the live stream, the directory and the
// shell. An expired session keeps the shell mounted (inert) under the sign-in form.
import { useEffect, useRef } from "react";
import { useI18n } from "../i18n/i18n";
import { CrisisProvider } from "../state/crisis";
import { DirectoryProvider } from "../state/directory";
import { LiveProvider } from "../state/live";
import { useRoute } from "../state/router";
import { useSession } from "../state/session";
import { LoginPage } from "./LoginPage";
import { Shell } from "./Shell";

export function App() {
  const { state } = useSession();
  const route = useRoute();
  const { t } = useI18n();
  const lastUserId = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (state.status !== "signed_in") return;
    // Another person signed in over an expired session: start from a clean page.
    if (lastUserId.current && lastUserId.current !== state.user.id) window.location.reload();
    lastUserId.current = state.user.id;
  }, [state]);

  if (state.status === "loading") return <p className="boot">{t("list.loading")}</p>;
  if (state.status === "signed_out" && !state.lastUser) return <LoginPage expired={false} />;
  const expired = state.status === "signed_out";
  return (
    <>
      <LiveProvider paused={expired}>
        <DirectoryProvider>
          <CrisisProvider>
            <Shell route={route} inert={expired} />
          </CrisisProvider>
        </DirectoryProvider>
      </LiveProvider>
      {expired ? <LoginPage expired /> : null}
    </>
  );
}
