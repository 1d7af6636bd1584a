import type { TandemSocket, ConnectionStatus } from "./realtime-provider";

type Listener = () => void;

/**
 * The tab's socket and how its connection is doing, read with useSyncExternalStore rather than
 * through context: a context change would reach into every page part still waiting to hydrate,
 * and React gives up hydrating a streamed boundary that changes before it is revealed (it renders
 * it again on the client while the server's copy still sits hidden in the document).
 */
export class ConnectionStore {
  private state: { socket: TandemSocket | null; status: ConnectionStatus } = { socket: null, status: "connecting" };
  private listeners = new Set<Listener>();

  get socket() {
    return this.state.socket;
  }

  get status() {
    return this.state.status;
  }

  set(change: Partial<{ socket: TandemSocket | null; status: ConnectionStatus }>) {
    const next = { ...this.state, ...change };
    if (next.socket === this.state.socket && next.status === this.state.status) return;
    this.state = next;
    for (const l of this.listeners) l();
  }

  subscribe = (listener: Listener) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
