"use client";

import { LayoutGrid, Users } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";

import { cn } from "~/lib/utils";

export function MainNav({ slug, onNavigate }: { slug: string; onNavigate?: () => void }) {
  const pathname = usePathname();
  const items = [
    { href: `/${slug}`, label: "Overview", icon: LayoutGrid, exact: true },
    { href: `/${slug}/members`, label: "Members", icon: Users, exact: false },
  ];
  return (
    <nav aria-label="Workspace">
      <ul className="grid gap-0.5">
        {items.map(({ href, label, icon: Icon, exact }) => {
          const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                onClick={onNavigate}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm font-medium text-muted-foreground transition-colors hover:bg-accent hover:text-foreground",
                  active && "bg-card text-foreground shadow-xs ring-1 ring-border hover:bg-card",
                )}
              >
                <Icon aria-hidden className={cn("size-4", active ? "text-primary" : "text-muted-foreground")} />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
