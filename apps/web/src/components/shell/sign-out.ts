import { toast } from "~/lib/toast";

/** Signs out, forgets the pages kept for offline use, and goes to the sign-in page; false if it failed. */
export async function signOut() {
  // The auth client is needed only here: loaded on use, it stays out of every page's first load.
  const { authClient } = await import("@tandem/auth/client");
  const { error } = await authClient.signOut();
  if (error) {
    toast.error("We couldn't sign you out.", { description: "Check your connection and try again." });
    return false;
  }
  await forgetCachedPages();
  window.location.assign("/sign-in");
  return true;
}

/** The status pages the service worker kept for offline use belong to the person signing out. */
async function forgetCachedPages() {
  if (typeof caches === "undefined") return;
  try {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith("tandem-pages")).map((n) => caches.delete(n)));
  } catch {
    // A browser that refuses cache access has nothing cached either.
  }
}
