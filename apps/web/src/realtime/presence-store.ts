import type { PresenceUser } from "@tandem/realtime-contract";

type Listener = () => void;

/**
 * Who is online, per workspace id. `undefined` means "not known right now" (not yet asked, or
 * the connection dropped), which the UI shows differently from "nobody".
 */
export class PresenceStore {
  private byWorkspace = new Map<string, PresenceUser[]>();
  private listeners = new Set<Listener>();

  get(workspaceId: string): PresenceUser[] | undefined {
    return this.byWorkspace.get(workspaceId);
  }

  set(workspaceId: string, users: PresenceUser[]) {
    const sorted = [...users].sort((a, b) => a.name.localeCompare(b.name));
    this.byWorkspace.set(workspaceId, sorted);
    this.emit();
  }

  clear() {
    if (this.byWorkspace.size === 0) return;
    this.byWorkspace = new Map();
    this.emit();
  }

  subscribe = (listener: Listener) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit() {
    for (const l of this.listeners) l();
  }
}
