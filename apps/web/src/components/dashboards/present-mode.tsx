"use client";

import { Button } from "@tandem/ui/button";
import { X } from "lucide-react";
import { useEffect, useRef } from "react";

/**
 * The dashboard for a wall screen or the leadership meeting: full screen, large type, no chrome,
 * still live (the same queries keep it current). Escape or the close button leaves.
 */
export function PresentMode({ title, onClose, children }: { title: string; onClose: () => void; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    el?.focus();
    // The browser's own full screen where it is allowed; the overlay covers the window either way.
    el?.requestFullscreen?.().catch(() => {});
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    const onExit = () => !document.fullscreenElement && onClose();
    window.addEventListener("keydown", onKey);
    document.addEventListener("fullscreenchange", onExit);
    return () => {
      window.removeEventListener("keydown", onKey);
      document.removeEventListener("fullscreenchange", onExit);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
  }, [onClose]);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="dialog"
      aria-modal="true"
      aria-label={`${title}, presenting`}
      className="fixed inset-0 z-50 overflow-auto bg-background p-6 text-lg outline-none lg:p-10"
      data-testid="present-mode"
    >
      <div className="mb-6 flex items-center justify-between gap-4">
        <h1 className="text-3xl font-semibold tracking-tight lg:text-4xl">{title}</h1>
        <Button variant="ghost" size="icon" aria-label="Leave present mode" onClick={onClose}>
          <X />
        </Button>
      </div>
      {children}
    </div>
  );
}
