import { describe, expect, it } from "vitest";
import { insertStatement } from "./holding_statement";

const kStatement = "אנחנו בודקים את הנושא ונעדכן בהקדם.";

describe("insertStatement", () => {
  it("fills an empty draft with the statement, the cursor after it", () => {
    expect(insertStatement("", ` ${kStatement} `)).toEqual({ text: kStatement, caret: kStatement.length });
  });

  it("adds it at the end of a draft by default, after a space", () => {
    const r = insertStatement("שלום דנה,", kStatement);
    expect(r.text).toBe(`שלום דנה, ${kStatement}`);
    expect(r.caret).toBe(r.text.length);
  });

  it("puts it at the cursor, spaced from the words on both sides, and replaces a selection", () => {
    expect(insertStatement("שלום דנה תודה", "X", 8).text).toBe("שלום דנה X תודה");
    expect(insertStatement("שלום דנה תודה", "X", 9).text).toBe("שלום דנה X תודה");
    const replaced = insertStatement("שלום XXX תודה", "בודקים", 5, 8);
    expect(replaced).toEqual({ text: "שלום בודקים תודה", caret: 11 });
  });

  it("clamps a cursor outside the text", () => {
    expect(insertStatement("abc", "X", 99, 120).text).toBe("abc X");
    expect(insertStatement("abc", "X", -4).text).toBe("X abc");
  });
});
