import { describe, expect, it } from "vitest";
import type { ChannelAccount, SpikeDetail } from "../api/types";
import { translate, type MessageKey } from "../i18n/messages";
import { explanationView, followersText, liftText } from "./explanation";

const he = (key: MessageKey, p?: Record<string, string | number>) => translate("he", key, p);
const en = (key: MessageKey, p?: Record<string, string | number>) => translate("en", key, p);

export const kDetail: SpikeDetail = {
  id: "4",
  series: "rule:boycott",
  kind: "volume",
  started_at: 1_763_800_080_000,
  ended_at: null,
  observed: 31,
  expected: 2.5,
  score: 11.3,
  explanation: {
    messages: 31,
    negative: 24,
    top_terms: [
      { term: "חרם", count: 19, lift: 41.04 },
      { term: "להחרים", count: 7, lift: 2.46 },
    ],
    sources: [
      { platform: "x", account_id: "1500000000000000001", count: 9 },
      { platform: "facebook", account_id: "104000000000001", count: 22 },
    ],
    top_authors: [{ platform: "x", handle: "noa_news", name: "נועה", followers: 48_200, count: 2 }],
    samples: [
      { id: "882", case_id: null, platform: "facebook", author_handle: "", author_name: "משה", author_followers: null, created_at: 1_763_800_090_000, text: "גם אני" },
      { id: "881", case_id: "302", platform: "x", author_handle: "noa_news", author_name: "נועה", author_followers: 48_200, created_at: 1_763_800_071_000, text: "קוראת לכולם להחרים את קנטינה" },
    ],
  },
};

const kAccounts = [{ platform: "facebook", account_id: "104000000000001", handle: "", name: "קנטינה" }] as ChannelAccount[];

describe("explanationView", () => {
  it("tells how many messages and how negative, the words with counts and lift", () => {
    const view = explanationView(kDetail, kAccounts, "he", he);
    expect(view.headline).toBe("31 הודעות, 24 מהן שליליות (77.4%)");
    expect(view.terms).toEqual([
      { term: "חרם", count: "19", lift: "×41" },
      { term: "להחרים", count: "7", lift: "×2.5" },
    ]);
  });

  it("lists the sources most messages first, named from the settings", () => {
    const view = explanationView(kDetail, kAccounts, "he", he);
    expect(view.sources.map((s) => [s.platform, s.account, s.count])).toEqual([
      ["פייסבוק", "קנטינה", "22"],
      ["X", "1500000000000000001", "9"],
    ]);
  });

  it("gives writers with their audience, and samples oldest first with their cases", () => {
    const view = explanationView(kDetail, kAccounts, "en", en);
    expect(view.authors).toEqual([{ key: "x:noa_news:נועה", platform: "X", name: "נועה", handle: "@noa_news", followers: "48.2k followers", count: "2" }]);
    expect(view.samples.map((s) => [s.id, s.caseId, s.author, s.handle, s.followers])).toEqual([
      ["881", "302", "נועה", "@noa_news", "48.2k followers"],
      ["882", null, "משה", "", "—"],
    ]);
  });

  it("says when a window had no message", () => {
    const empty = { ...kDetail, explanation: { ...kDetail.explanation, messages: 0, negative: 0 } };
    expect(explanationView(empty, [], "en", en).headline).toBe("No message in its window.");
  });
});

describe("liftText and followersText", () => {
  it("rounds large ratios to whole numbers and leaves out what is not a ratio", () => {
    expect([liftText(41.04, "en"), liftText(2.46, "en"), liftText(0, "en"), liftText(Number.NaN, "en")]).toEqual(["×41", "×2.5", "", ""]);
  });
  it("formats an audience compactly above ten thousand", () => {
    expect([followersText(950, "he", he), followersText(48_200, "he", he), followersText(null, "he", he)]).toEqual(["950 עוקבים", "48.2K\u200f עוקבים", "—"]);
  });
});
