import localFont from "next/font/local";

import { Toaster } from "~/components/ui/sonner";
import { TRPCReactProvider } from "~/trpc/react";

// Inter ships with the app (no fetch at build time: the build machines are offline). Phones keep
// to the system font, as /status does: one fewer download on a slow connection, and the phone's
// own type. From the `sm` width up the app is set in Inter, fetched when first used (not
// preloaded, so a phone never downloads it) and swapped in when it arrives.
const inter = localFont({
  src: "../../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  weight: "100 900",
  display: "swap",
  preload: false,
});

/**
 * The app's client providers (tRPC and React Query, toasts). They sit here rather than
 * in the root layout so `/status`, which needs none of them, ships none of their code to a phone.
 */
export default function AppLayout({ children }: { children: React.ReactNode }) {
  return (
    <TRPCReactProvider>
      {/* Inter from the `sm` width up (set on :root, so menus and toasts portalled to <body> get it too); phones and /status keep to system fonts. */}
      <style>{`@media (min-width:40rem){:root{--font-inter:${inter.style.fontFamily}}}`}</style>
      {children}
      <Toaster />
    </TRPCReactProvider>
  );
}
