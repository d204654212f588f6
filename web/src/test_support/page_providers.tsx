// What a page under test sits in: translations, a paused live stream (no socket) and the
// directory of users and teams, as the app's shell provides them.
import type { ReactNode } from "react";
import { I18nProvider } from "../i18n/i18n";
import { DirectoryProvider } from "../state/directory";
import { LiveProvider } from "../state/live";

export function PageProviders({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <LiveProvider paused>
        <DirectoryProvider>{children}</DirectoryProvider>
      </LiveProvider>
    </I18nProvider>
  );
}
