import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";

import { Toaster } from "~/components/ui/sonner";
import { TooltipProvider } from "~/components/ui/tooltip";
import { TRPCReactProvider } from "~/trpc/react";

import "./globals.css";

// Inter ships with the app (no fetch at build time: the build machines are offline).
const inter = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  weight: "100 900",
  // Preloaded, so it is there for the first paint on any usual connection; when it isn't, the
  // fallback stays rather than swapping in late (a late swap is what a phone measures as LCP).
  display: "optional",
});

export const metadata: Metadata = {
  title: { default: "Tandem", template: "%s · Tandem" },
  description: "Where marketing and IT run their joint work in the open, and leadership watches it move.",
  applicationName: "Tandem",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#fbfbfc",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-dvh font-sans">
        <TRPCReactProvider>
          <TooltipProvider delayDuration={250}>{children}</TooltipProvider>
        </TRPCReactProvider>
        <Toaster />
      </body>
    </html>
  );
}
