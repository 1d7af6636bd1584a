/**
 * Workspace addresses. A workspace lives at `/<slug>`, beside the app's own top-level routes, so
 * a slug must never be one of them: a workspace called "status" would be shadowed by /status.
 */

/**
 * Every top-level path segment a workspace may not take: the app's own routes (a test holds
 * this list to `apps/web/src/app`), Next.js's, and names kept for routes still to come.
 */
export const RESERVED_SLUGS: readonly string[] = [
  // apps/web/src/app today (route groups are transparent: (app)/(auth)/sign-in is /sign-in).
  "api",
  "status",
  "invite",
  "onboarding",
  "sign-in",
  "sign-up",
  "favicon.ico",
  // Next.js and file-based metadata routes.
  "_next",
  "_error",
  "404",
  "500",
  "icon",
  "icon.svg",
  "apple-icon",
  "manifest.webmanifest",
  "opengraph-image",
  "twitter-image",
  "robots.txt",
  "sitemap.xml",
  // Kept for later routes and for names people would mistake for the app's own pages.
  "new",
  "settings",
  "admin",
  "account",
  "auth",
  "login",
  "logout",
  "sign-out",
  "signin",
  "signup",
  "register",
  "join",
  "invites",
  "invitation",
  "invitations",
  "workspace",
  "workspaces",
  "dashboard",
  "app",
  "home",
  "help",
  "support",
  "docs",
  "about",
  "pricing",
  "billing",
  "terms",
  "privacy",
  "security",
  "legal",
  "health",
  "feeds",
  "feed",
  "trpc",
  "realtime",
  "socket.io",
  "static",
  "public",
  "assets",
  "www",
  "mail",
  "root",
  "system",
  "tandem",
];

const RESERVED = new Set(RESERVED_SLUGS);

/** True for an address the app keeps for itself (compared as a slug is stored: lowercase, trimmed). */
export function isReservedSlug(slug: string): boolean {
  return RESERVED.has(slug.trim().toLowerCase());
}

export const SLUG_MAX = 40;

/** "“status” is reserved — choose another": the field error for a reserved address. */
export function reservedSlugMessage(slug: string): string {
  return `“${slug}” is reserved — choose another`;
}

/**
 * The first of `base`, `base-1`, `base-2`, … that is neither reserved nor taken (`taken` says
 * whether a candidate is in use). A long base is cut so the suffix still fits in SLUG_MAX.
 */
export async function firstFreeSlug(base: string, taken: (slug: string) => boolean | Promise<boolean>, { skipBase = false } = {}): Promise<string> {
  if (!skipBase && !isReservedSlug(base) && !(await taken(base))) return base;
  for (let n = 1; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!isReservedSlug(candidate) && !(await taken(candidate))) return candidate;
  }
}

/**
 * "Acme Corp — EMEA" → "acme-corp-emea": the address suggested for a workspace name until the
 * user edits it. A name whose address would be reserved ("Status") gets the first free variant
 * ("status-1"); whether it is taken the server says.
 */
export function suggestSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/, "");
  if (!isReservedSlug(slug)) return slug;
  for (let n = 1; ; n++) {
    const candidate = `${slug}-${n}`;
    if (!isReservedSlug(candidate)) return candidate;
  }
}
