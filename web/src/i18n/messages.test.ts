import { describe, expect, it } from "vitest";
import { kMessages, translate, type MessageKey } from "./messages";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("messages", () => {
  it("has every English string in Hebrew too, non-empty and with the same placeholders", () => {
    for (const key of Object.keys(kMessages.en) as MessageKey[]) {
      expect(kMessages.he[key], key).toBeTruthy();
      expect(placeholders(kMessages.he[key]), key).toEqual(placeholders(kMessages.en[key]));
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("he", "sla.on_track", { left: "5 דק׳" })).toBe("נותרו 5 דק׳");
    expect(translate("en", "list.count", {})).toBe("{count} cases");
  });
});
