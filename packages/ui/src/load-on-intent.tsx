"use client";

import { useCallback, useRef, useState, type ComponentType, type KeyboardEvent } from "react";

/**
 * For a widget whose code (a Radix menu, dialog or select) is not needed to paint or hydrate the
 * page. The page ships a look-alike trigger. The code starts loading when a pointer or focus
 * comes near it; on first use (click, Enter, Space, or an arrow key for a menu or select) the real
 * widget takes the trigger's place, already open, so its content takes focus, and focus comes back
 * to the real trigger when it closes. Until then the look-alike stays: a keyboard user tabbing
 * onto it keeps their focus there while the code loads.
 *
 * `load` must be stable (a module-level function): it runs once per mount. `popup` is what the
 * real trigger opens, so the look-alike announces the same (`aria-haspopup`, closed) and, for a
 * menu or a select's listbox, also opens with the arrow keys as their Radix triggers do.
 */
export function useLoadOnIntent<P>(load: () => Promise<ComponentType<P>>, popup: "menu" | "listbox" | "dialog") {
  const [Loaded, setLoaded] = useState<ComponentType<P> | null>(null);
  const [used, setUsed] = useState(false);
  const pending = useRef<Promise<void> | null>(null);
  const preload = useCallback(() => {
    pending.current ??= load()
      .then((component) => setLoaded(() => component))
      .catch(() => {
        // Offline or a failed chunk: the next intent tries again.
        pending.current = null;
      });
  }, [load]);
  const open = useCallback(() => {
    setUsed(true);
    preload();
  }, [preload]);
  const intent = {
    "aria-haspopup": popup,
    "aria-expanded": false,
    onPointerEnter: preload,
    onFocus: preload,
    onTouchStart: preload,
    onClick: open,
    onKeyDown: (e: KeyboardEvent) => {
      if (popup !== "dialog" && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
        e.preventDefault();
        open();
      }
    },
  };
  /** The real widget, once it has been used and its code has arrived; render it open (`defaultOpen`). */
  return { Loaded: used ? Loaded : null, intent };
}
