import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from "@tandem/realtime-contract";
import type { Server, Socket } from "socket.io";

export type RealtimeIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
