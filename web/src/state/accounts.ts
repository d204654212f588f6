// The brand's accounts as the server's settings list them (`GET /api/v1/settings`, readable by
// everyone), to name a spike's account by its handle or Page name. Loaded once per page.
import { useEffect, useState } from "react";
import { api } from "../api/client";
import type { ChannelAccount } from "../api/types";

let loading: Promise<ChannelAccount[]> | null = null;

function load(): Promise<ChannelAccount[]> {
  loading ??= api
    .get<{ channels?: ChannelAccount[] }>("/api/v1/settings")
    .then((s) => s.channels ?? [])
    .catch(() => {
      loading = null; // try again next time
      return [];
    });
  return loading;
}

/** The accounts; empty until (and unless) the settings load. */
export function useAccounts(): ChannelAccount[] {
  const [accounts, setAccounts] = useState<ChannelAccount[]>([]);
  useEffect(() => {
    let cancelled = false;
    void load().then((a) => !cancelled && setAccounts(a));
    return () => {
      cancelled = true;
    };
  }, []);
  return accounts;
}
