"use client";

import { useCallback, useRef, useState, type ComponentType, type KeyboardEvent } from "react";

/**
 * For a widget whose code (a Radix menu, dialog or select) is not needed to paint or hydrate the
 * page. The page ships a look-alike trigger. The code starts loading when a pointer or focus
 * comes near it, and on first use the real widget takes the trigger's place, already open.
 *
 * `load` must be stable (a module-level function): it runs once per mount. `popup` is what the
 * real trigger opens, so the look-alike announces the same (`aria-haspopup`, closed) and, for a
 * menu or a select's listbox, also opens with the arrow keys as their Radix triggers do.
 */
export function useLoadOnIntent<P>(load: () => Promise<ComponentType<P>>, popup: "menu" | "listbox" | "dialog") {
  const [Loaded, setLoaded] = useState<ComponentType<P> | null>(null);
  const [openOnLoad, setOpenOnLoad] = useState(false);
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
    setOpenOnLoad(true);
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
  return { Loaded, openOnLoad, intent };
}
