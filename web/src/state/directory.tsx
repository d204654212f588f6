// The people and teams of the brand, for names, assignment pickers and queues. Reloaded on
// every stream (re)connection so a renamed agent or a new team shows without a page reload.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api } from "../api/client";
import type { Team, User } from "../api/types";
import { useLive } from "./live";

export interface Directory {
  users: User[];
  teams: Team[];
  userById: (id: string | null | undefined) => User | undefined;
  teamById: (id: string | null | undefined) => Team | undefined;
  /** The display name of user `id`, or its user name, or "#id". */
  nameOf: (id: string | null | undefined) => string;
}

const Context = createContext<Directory | null>(null);

export function DirectoryProvider({ children }: { children: ReactNode }) {
  const { epoch } = useLive();
  const [users, setUsers] = useState<User[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);

  useEffect(() => {
    let cancelled = false;
    Promise.all([
      api.get<{ items?: User[] }>("/api/v1/users"),
      api.get<{ items?: Team[] }>("/api/v1/teams"),
    ])
      .then(([u, t]) => {
        if (cancelled) return;
        setUsers(u.items ?? []);
        setTeams(t.items ?? []);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [epoch]);

  const value = useMemo<Directory>(() => {
    const usersById = new Map(users.map((u) => [u.id ?? "", u]));
    const teamsById = new Map(teams.map((t) => [t.id ?? "", t]));
    return {
      users,
      teams,
      userById: (id) => (id ? usersById.get(id) : undefined),
      teamById: (id) => (id ? teamsById.get(id) : undefined),
      nameOf: (id) => {
        if (!id) return "";
        const u = usersById.get(id);
        return u?.display_name || u?.username || `#${id}`;
      },
    };
  }, [users, teams]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useDirectory(): Directory {
  const value = useContext(Context);
  if (!value) throw new Error("useDirectory outside DirectoryProvider");
  return value;
}
