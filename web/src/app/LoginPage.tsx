// Signing in. After an expired session it is shown over the screen the agent was on, which
// stays as it was (drafts are on the server).
import { useState } from "react";
import { ApiError } from "../api/client";
import { useI18n } from "../i18n/i18n";
import { useSession } from "../state/session";

export function LoginPage({ expired }: { expired: boolean }) {
  const { t, lang, setLang } = useI18n();
  const { signIn } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) setError(t("login.throttled"));
      else if (err instanceof ApiError && (err.status === 401 || err.status === 400)) setError(t("login.failed"));
      else setError(err instanceof ApiError && err.code === "network" ? t("error.network") : String(err));
    } finally {
      setBusy(false);
      setPassword("");
    }
  };

  return (
    <div className={expired ? "login-overlay" : "login-page"}>
      <form className="login" onSubmit={submit} aria-labelledby="login-title" data-testid="login">
        <h1 id="login-title">{t("login.title")}</h1>
        {expired ? (
          <p className="notice" role="status" data-testid="expired">
            {t("login.expired")}
          </p>
        ) : null}
        <label>
          {t("login.username")}
          <input name="username" autoComplete="username" dir="ltr" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
        <label>
          {t("login.password")}
          <input name="password" type="password" autoComplete="current-password" dir="ltr" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t("login.busy") : t("login.submit")}
        </button>
        <button type="button" className="link" onClick={() => setLang(lang === "he" ? "en" : "he")} data-testid="language">
          {t("nav.language")}
        </button>
      </form>
    </div>
  );
}
