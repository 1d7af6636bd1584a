/**
 * Toasts, with sonner's code (and the stylesheet it injects, which restyles the whole page)
 * loaded on the first toast instead of with every page. Same calls as sonner's `toast.*`.
 */
import type { ExternalToast } from "sonner";

type Sonner = typeof import("sonner");
type Message = Parameters<Sonner["toast"]["success"]>[0];

let sonner: Promise<Sonner> | undefined;
const listeners = new Set<() => void>();

/** Loads sonner and asks the app's `<Toaster>` to mount; it shows toasts raised before it did. */
export function loadToasts(): Promise<Sonner> {
  if (!sonner) {
    sonner = import("sonner");
    for (const l of listeners) l();
  }
  return sonner;
}

/** For `<Toaster>`: whether any toast has been asked for yet, and word when one is. */
export const toastsWanted = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  get: () => sonner !== undefined,
};

const kind =
  (name: "success" | "error" | "info" | "warning") =>
  (message: Message, data?: ExternalToast): void =>
    void loadToasts().then(
      ({ toast }) => toast[name](message, data),
      (err: unknown) => console.error("Could not show a toast:", message, err),
    );

export const toast = { success: kind("success"), error: kind("error"), info: kind("info"), warning: kind("warning") };
