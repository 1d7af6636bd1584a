import localFont from "next/font/local";

import { Toaster } from "~/components/ui/sonner";
import { TRPCReactProvider } from "~/trpc/react";

// Inter ships with the app (no fetch at build time: the build machines are offline).
const inter = localFont({
  src: "../../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  weight: "100 900",
  // Preloaded, so it is there for the first paint on any usual connection; when it isn't, the
  // fallback stays rather than swapping in late (a late swap is what a phone measures as LCP).
  // (Not preloading it was measured: first paint then waits for the CSS to discover it, worse.)
  display: "optional",
});

/**
 * The app's client providers (tRPC and React Query, toasts). They sit here rather than
 * in the root layout so `/status`, which needs none of them, ships none of their code to a phone.
 */
export default function AppLayout({ children }: { children: React.ReactNode }) {
  return (
    <TRPCReactProvider>
      {/* Inter for the app (set on :root, so menus and toasts portalled to <body> get it too); /status keeps to system fonts and never downloads it. */}
      <style>{`:root{--font-inter:${inter.style.fontFamily}}`}</style>
      {children}
      <Toaster />
    </TRPCReactProvider>
  );
}
