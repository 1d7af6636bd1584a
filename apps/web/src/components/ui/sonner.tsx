"use client";

import dynamic from "next/dynamic";
import { useSyncExternalStore } from "react";

import { toastsWanted } from "~/lib/toast";

// sonner's code and its injected stylesheet arrive with the first toast (see ~/lib/toast).
const Sonner = dynamic(() => import("sonner").then((m) => m.Toaster), { ssr: false });

export function Toaster() {
  const wanted = useSyncExternalStore(toastsWanted.subscribe, toastsWanted.get, () => false);
  if (!wanted) return null;
  return (
    <Sonner
      position="bottom-right"
      closeButton
      toastOptions={{
        classNames: {
          toast: "!rounded-lg !border-border !shadow-lg !shadow-black/5 !font-sans",
          description: "!text-muted-foreground",
        },
      }}
    />
  );
}
