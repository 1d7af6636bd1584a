"use client";

import { Toaster as Sonner, type ToasterProps } from "sonner";

export function Toaster(props: ToasterProps) {
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
      {...props}
    />
  );
}
