import { describe, expect, it } from "vitest";
import type { MetricItem } from "../api/types";
import { translate } from "../i18n/messages";
import { breakdownRows, groupName, kDimensions, type Dimension } from "./breakdown";

const he = (key: Parameters<typeof translate>[1]) => translate("he", key);

function item(group: string, label: string, cases: number): MetricItem {
  return {
    group,
    label,
    count: 0,
    volume: { count: cases },
    first_response: { median_s: cases * 60 },
    sla: { compliance: null },
    response_rate: { rate: 0.5 },
  } as MetricItem;
}

describe("groupName", () => {
  it("names groups in Hebrew: platforms, priorities and intents in words, languages by name, people by label", () => {
    expect(groupName("platform", { group: "facebook", label: "facebook" }, "he", he)).toBe("פייסבוק");
    expect(groupName("priority", { group: "urgent", label: "urgent" }, "he", he)).toBe("דחופה");
    expect(groupName("intent", { group: "complaint", label: "complaint" }, "he", he)).toBe("תלונה");
    expect(groupName("language", { group: "en", label: "en" }, "he", he)).toBe("אנגלית");
    expect(groupName("team", { group: "3", label: "צוות X" }, "he", he)).toBe("צוות X");
    expect(groupName("agent", { group: "7", label: "דנה כהן" }, "he", he)).toBe("דנה כהן");
    expect(groupName("rule", { group: "brand", label: "brand" }, "he", he)).toBe("brand");
    expect(groupName("topic", { group: "12", label: "עיכוב במשלוח" }, "he", he)).toBe("עיכוב במשלוח");
    expect(groupName("team", { group: "", label: "" }, "he", he)).toBe("ללא");
    expect(groupName("platform", { group: "mastodon", label: "mastodon" }, "he", he)).toBe("mastodon");
  });
});

describe("kDimensions", () => {
  it("offers every dimension the API groups by, once", () => {
    const every: Record<Dimension, true> = {
      platform: true, account: true, team: true, agent: true, priority: true, language: true, intent: true, rule: true, topic: true,
    };
    expect([...kDimensions].sort()).toEqual(Object.keys(every).sort());
  });
});

describe("breakdownRows", () => {
  it("puts the groups with most cases first, then by name, with their figures", () => {
    const rows = breakdownRows([item("2", "צוות ב", 3), item("", "", 1), item("1", "צוות א", 3), item("9", "צוות ג", 8)], "team", "he", he);
    expect(rows.map((r) => [r.group, r.name, r.cases])).toEqual([
      ["9", "צוות ג", 8],
      ["1", "צוות א", 3],
      ["2", "צוות ב", 3],
      ["", "ללא", 1],
    ]);
    expect(rows[0]).toMatchObject({ medianFirstResponse: 480, slaCompliance: null, responseRate: 0.5 });
  });
});
