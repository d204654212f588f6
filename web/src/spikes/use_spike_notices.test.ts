import { describe, expect, it } from "vitest";
import type { SpikeAlert } from "../api/types";
import { kMaxNotices, withNotice } from "./use_spike_notices";

const alert = (id: string): SpikeAlert => ({ id, series: "rule:brand", kind: "volume", started_at: 1, ended_at: null, observed: 9, expected: 1, score: 8 });

describe("withNotice", () => {
  it("shows the newest spike first, each once, a few at most", () => {
    let notices: SpikeAlert[] = [];
    for (const id of ["1", "2", "1", "3", "4"]) notices = withNotice(notices, alert(id));
    expect(notices.map((n) => n.id)).toEqual(["4", "3", "1"]);
    expect(notices.length).toBe(kMaxNotices);
  });
});
