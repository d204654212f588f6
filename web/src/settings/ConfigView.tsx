// A read-only view of the server's settings document: nested objects as headed sections,
// lists of objects as tables, plain values as text. Follows whatever GET /api/v1/settings
// returns, so a new setting shows without a change here.
export function ConfigView({ value, depth = 0 }: { value: unknown; depth?: number }) {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">—</span>;
    if (value.every((v) => typeof v === "object" && v !== null && !Array.isArray(v))) {
      const columns = [...new Set(value.flatMap((v) => Object.keys(v as object)))];
      return (
        <table className="grid config">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {value.map((row, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c}>
                    <ConfigView value={(row as Record<string, unknown>)[c]} depth={depth + 1} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    return <bdi dir="auto">{value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(", ")}</bdi>;
  }
  if (typeof value === "object") {
    return (
      <dl className={`config depth-${depth}`}>
        {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>
              <ConfigView value={v} depth={depth + 1} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <bdi dir="auto">{String(value)}</bdi>;
}
