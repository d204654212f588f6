// The list of keyboard shortcuts, opened with "?".
import { useEffect, useRef } from "react";
import { useI18n } from "../i18n/i18n";
import { kShortcuts } from "./shortcuts";

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal?.();
  }, []);
  return (
    <dialog ref={dialog} className="help" aria-labelledby="help-title" onClose={onClose} onCancel={onClose} data-testid="help">
      <h2 id="help-title">{t("help.title")}</h2>
      <table>
        <tbody>
          {kShortcuts.map((s) => (
            <tr key={s.action}>
              <td>
                {s.keys.map((k) => (
                  <kbd key={k}>{k === "ArrowDown" ? "↓" : k === "ArrowUp" ? "↑" : k}</kbd>
                ))}
              </td>
              <td>{t(s.label)}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
            </td>
            <td>{t("help.send")}</td>
          </tr>
        </tbody>
      </table>
      <button type="button" onClick={onClose}>
        {t("help.close")}
      </button>
    </dialog>
  );
}
