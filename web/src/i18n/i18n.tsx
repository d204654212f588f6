// The agent's language and time zone: chosen in the app, remembered in this browser, and
// applied to the whole document (lang, dir) so the layout mirrors for Hebrew.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { translate, type Lang, type MessageKey } from "./messages";
import { browserTimeZone, type FormatContext } from "./format";

const kLangKey = "feedroom.lang";
const kZoneKey = "feedroom.timeZone";

export interface I18n extends FormatContext {
  dir: "rtl" | "ltr";
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  setLang: (lang: Lang) => void;
  setTimeZone: (zone: string) => void;
}

const Context = createContext<I18n | null>(null);

/** The remembered language, else Hebrew unless the browser prefers another language. */
export function initialLang(stored: string | null, browserLanguages: readonly string[]): Lang {
  if (stored === "he" || stored === "en") return stored;
  const first = browserLanguages[0]?.toLowerCase() ?? "he";
  return first.startsWith("he") || first.startsWith("iw") ? "he" : "en";
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() =>
    initialLang(readStorage(kLangKey), typeof navigator === "undefined" ? [] : navigator.languages),
  );
  const [timeZone, setZoneState] = useState<string>(() => readStorage(kZoneKey) || browserTimeZone());

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === "he" ? "rtl" : "ltr";
  }, [lang]);

  const setLang = useCallback((l: Lang) => {
    writeStorage(kLangKey, l);
    setLangState(l);
  }, []);
  const setTimeZone = useCallback((z: string) => {
    writeStorage(kZoneKey, z);
    setZoneState(z);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      lang,
      timeZone,
      dir: lang === "he" ? "rtl" : "ltr",
      t: (key, params) => translate(lang, key, params),
      setLang,
      setTimeZone,
    }),
    [lang, timeZone, setLang, setTimeZone],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The current language's helpers; only inside I18nProvider. */
export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or storage full: the choice lasts for this page only.
  }
}
