"use client";

import dynamic from "next/dynamic";
import { useSyncExternalStore } from "react";

import { loadToasts, toastsWanted } from "~/lib/toast";

// sonner's code and its injected stylesheet arrive with the first toast (see ~/lib/toast). If
// they cannot load (offline before any toast), the page goes on without toasts rather than failing.
const Sonner = dynamic(
  () =>
    loadToasts().then(
      (m) => m.Toaster,
      () => () => null,
    ),
  { ssr: false },
);

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
