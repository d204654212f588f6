// Keyboard shortcuts of the inbox. Plain keys act only when focus is not in a text field, so
// typing a reply never moves the selection; the help overlay lists `kShortcuts`.
import { useEffect, useRef } from "react";
import type { MessageKey } from "../i18n/messages";

export type ShortcutAction = "next" | "prev" | "reply" | "assign" | "resolve" | "search" | "help";

export const kShortcuts: ReadonlyArray<{ keys: string[]; action: ShortcutAction; label: MessageKey }> = [
  { keys: ["j", "ArrowDown"], action: "next", label: "help.next" },
  { keys: ["k", "ArrowUp"], action: "prev", label: "help.prev" },
  { keys: ["r"], action: "reply", label: "help.reply" },
  { keys: ["a"], action: "assign", label: "help.assign" },
  { keys: ["e"], action: "resolve", label: "help.resolve" },
  { keys: ["/"], action: "search", label: "help.search" },
  { keys: ["?"], action: "help", label: "help.help" },
];

/** The action of a key press, or null (modifiers, or typing in a field). */
export function shortcutFor(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey">, inField: boolean): ShortcutAction | null {
  if (inField || event.ctrlKey || event.metaKey || event.altKey) return null;
  for (const s of kShortcuts) if (s.keys.includes(event.key)) return s.action;
  return null;
}

function isField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Calls `handler` for each shortcut pressed while mounted. */
export function useShortcuts(handler: (action: ShortcutAction) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor(event, isField(event.target));
      if (!action) return;
      event.preventDefault();
      ref.current(action);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
