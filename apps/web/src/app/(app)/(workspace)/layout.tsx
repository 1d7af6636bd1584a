import { realtimeClientConfig } from "~/env";
import { RealtimeProvider } from "~/realtime/realtime-provider";
import { requireSession } from "~/server/session";

/** Signed-in area with live updates; the realtime address is read per request, not at build. */
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  await requireSession();
  return <RealtimeProvider config={realtimeClientConfig()}>{children}</RealtimeProvider>;
}
