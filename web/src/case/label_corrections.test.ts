import { describe, expect, it } from "vitest";
import { changedLabels, draftOf, isLanguageCode, languageChoices, sensitivityLabel } from "./label_corrections";
import type { Understanding } from "./understanding";

describe("isLanguageCode", () => {
  it("accepts two or three lower-case ASCII letters, as the server does", () => {
    for (const ok of ["he", "en", "fil", "und"]) expect(isLanguageCode(ok), ok).toBe(true);
    for (const bad of ["", "h", "HE", "He", "heb1", "hebr", "e n", "עב", "é"]) expect(isLanguageCode(bad), bad).toBe(false);
  });
});

describe("sensitivityLabel", () => {
  it("lists the topics once each in the server's order, dropping unknown names", () => {
    expect(sensitivityLabel(["boycott", "health", "boycott"])).toBe("health,boycott");
    expect(sensitivityLabel(["discrimination", "safety", "legal", "health", "boycott"])).toBe("health,legal,safety,discrimination,boycott");
    expect(sensitivityLabel(["weather", "legal"])).toBe("legal");
    expect(sensitivityLabel([])).toBe("");
  });
});

describe("languageChoices", () => {
  it("offers the common languages, plus the current one when it is another code", () => {
    expect(languageChoices("he")).toEqual(["he", "en", "ar", "ru", "fr", "es"]);
    expect(languageChoices("de")).toEqual(["he", "en", "ar", "ru", "fr", "es", "de"]);
    expect(languageChoices("und")).toHaveLength(6);
    expect(languageChoices(undefined)).toHaveLength(6);
  });
});

describe("changedLabels", () => {
  const now: Understanding = { language: "he", sentiment: "negative", intent: "complaint", sensitivity: ["health"] };

  it("sends nothing when nothing changed, however the topics are ordered", () => {
    expect(changedLabels(now, draftOf(now))).toEqual([]);
    const twoTopics: Understanding = { ...now, sensitivity: ["legal", "health"] };
    expect(changedLabels(twoTopics, { ...draftOf(now), topics: ["health", "legal"] })).toEqual([]);
  });

  it("sends one correction per changed task, in the API's task order", () => {
    const draft = { language: "ar", sentiment: "negative", intent: "question", topics: ["safety", "health"] };
    expect(changedLabels(now, draft)).toEqual([
      { task: "language", label: "ar" },
      { task: "intent", label: "question" },
      { task: "sensitivity", label: "health,safety" },
    ]);
  });

  it("sends an empty sensitivity label when every topic is cleared", () => {
    expect(changedLabels(now, { ...draftOf(now), topics: [] })).toEqual([{ task: "sensitivity", label: "" }]);
  });

  it("leaves an unclear language alone until one is chosen", () => {
    const unclear: Understanding = { ...now, language: "und" };
    expect(draftOf(unclear).language).toBe("");
    expect(changedLabels(unclear, draftOf(unclear))).toEqual([]);
    expect(changedLabels(unclear, { ...draftOf(unclear), language: "en" })).toEqual([{ task: "language", label: "en" }]);
    expect(changedLabels({ ...now, language: undefined, sensitivity: undefined }, { ...draftOf(now), language: "", topics: [] })).toEqual([]);
  });
});
