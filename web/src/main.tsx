import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@fontsource-variable/heebo";
import "./styles/app.css";
import { App } from "./app/App";
import { I18nProvider } from "./i18n/i18n";
import { SessionProvider } from "./state/session";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <App />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
