import { describe, expect, it } from "vitest";
import type { ChannelAccount } from "../api/types";
import { translate, type MessageKey } from "../i18n/messages";
import { accountName, kindText, observedText, parseSeries, seriesText } from "./series";

const he = (key: MessageKey, p?: Record<string, string | number>) => translate("he", key, p);
const en = (key: MessageKey, p?: Record<string, string | number>) => translate("en", key, p);

const kAccounts = [
  { platform: "x", account_id: "1500000000000000001", handle: "kantina_il", name: "", api_base: "", can_reply: true },
  { platform: "facebook", account_id: "104000000000001", handle: "", name: "קנטינה", api_base: "", can_reply: true },
] as ChannelAccount[];

describe("series", () => {
  it("reads account and rule series, and keeps anything else as it is", () => {
    expect(parseSeries("account:x:1500000000000000001")).toEqual({ kind: "account", platform: "x", accountId: "1500000000000000001" });
    expect(parseSeries("rule:food.safety")).toEqual({ kind: "rule", ruleId: "food.safety" });
    expect(parseSeries("topic:12")).toEqual({ kind: "other", name: "topic:12" });
  });

  it("names accounts by handle or Page name from the settings, else by id", () => {
    expect(accountName("x", "1500000000000000001", kAccounts)).toBe("@kantina_il");
    expect(accountName("facebook", "104000000000001", kAccounts)).toBe("קנטינה");
    expect(accountName("instagram", "178", kAccounts)).toBe("178");
  });

  it("says the series in words in either language", () => {
    expect(seriesText("account:x:1500000000000000001", kAccounts, he)).toBe("X @kantina_il");
    expect(seriesText("account:facebook:104000000000001", kAccounts, he)).toBe("פייסבוק קנטינה");
    expect(seriesText("rule:boycott", kAccounts, he)).toBe("כלל האזנה boycott");
    expect(seriesText("rule:boycott", kAccounts, en)).toBe("listening rule boycott");
  });

  it("says the kind, and what was observed against what was expected", () => {
    expect(kindText("volume", he)).toBe("יותר הודעות מהרגיל");
    expect(kindText("negative_share", en)).toBe("Unusually negative");
    expect(observedText({ kind: "volume", observed: 31, expected: 2.5 }, "en", en)).toBe("31 messages in 5 minutes, about 2.5 expected");
    expect(observedText({ kind: "negative_share", observed: 24, expected: 6.04 }, "he", he)).toBe("24 הודעות שליליות ב־30 דקות, במקום כ־6");
    expect(observedText({ kind: "volume", observed: 16, expected: 0 }, "he", he)).toBe("16 הודעות ב־5 דקות, כשבדרך כלל אין");
  });
});
