import { describe, expect, it } from "vitest";
import { limitFor, loadWeightedCounter, measure, modesFor, privateRouteFor } from "./composer_logic";

describe("modesFor", () => {
  it("offers each network's own ways to answer, public first", () => {
    expect(modesFor("x")).toEqual(["public_reply", "move_to_private", "direct_message"]);
    expect(modesFor("messenger")).toEqual(["direct_message"]);
    expect(modesFor("facebook")).toContain("private_reply");
    expect(modesFor("facebook")).not.toContain("direct_message");
    expect(privateRouteFor("x")).toBe("direct_message");
    expect(privateRouteFor("instagram")).toBe("private_reply");
  });
});

describe("measure", () => {
  it("counts Instagram messages in UTF-8 bytes: a Hebrew letter is two", () => {
    const limit = limitFor("instagram", "direct_message");
    expect(limit).toEqual({ max: 1000, unit: "bytes" });
    expect(measure("שלום", limit)).toBe(8);
  });

  it("counts Meta comments in code points: an emoji is one", () => {
    expect(measure("👍🏽 תודה", limitFor("facebook", "public_reply"))).toBe(7);
  });

  it("counts X posts by twitter-text's weights once loaded: links 23, emoji 2", async () => {
    const limit = limitFor("x", "public_reply");
    expect(limit).toEqual({ max: 280, unit: "weighted" });
    await loadWeightedCounter();
    expect(measure("https://example.co.il/a/very/long/path/to/somewhere", limit)).toBe(23);
    expect(measure("😀", limit)).toBe(2);
    expect(measure("שלום", limit)).toBe(4);
  });
});
