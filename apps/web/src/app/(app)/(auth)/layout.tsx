import Link from "next/link";

import { Logo } from "~/components/brand/logo";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="grid min-h-dvh lg:grid-cols-[minmax(0,1fr)_minmax(0,1.05fr)]">
      <div className="flex flex-col px-5 py-6 sm:px-10">
        <Link href="/" className="w-fit rounded-md" aria-label="Tandem home">
          <Logo />
        </Link>
        <main className="flex flex-1 items-start justify-center pt-[9vh] pb-10 sm:items-center sm:pt-10">
          <div className="w-full max-w-[380px]">{children}</div>
        </main>
        <p className="text-center text-xs text-muted-foreground lg:text-left">Marketing and IT, working in the open.</p>
      </div>
      <BrandPanel />
    </div>
  );
}

/** The right half on wide screens: what Tandem is, in the side colours. */
function BrandPanel() {
  return (
    <aside aria-hidden className="relative hidden overflow-hidden border-l bg-[oklch(0.2_0.02_286)] text-white lg:flex lg:flex-col lg:justify-center lg:px-14">
      <div className="pointer-events-none absolute -top-40 -left-24 size-[28rem] rounded-full bg-marketing/30 blur-3xl" />
      <div className="pointer-events-none absolute -right-24 -bottom-40 size-[28rem] rounded-full bg-it/30 blur-3xl" />
      <div className="relative max-w-md">
        <div className="mb-8 flex items-center gap-2 text-xs font-medium">
          <span className="rounded-full bg-marketing/20 px-2.5 py-1 text-[oklch(0.88_0.08_357)] ring-1 ring-marketing/40">Marketing</span>
          <span className="h-px w-6 bg-white/30" />
          <span className="rounded-full bg-it/20 px-2.5 py-1 text-[oklch(0.88_0.06_192)] ring-1 ring-it/40">IT</span>
          <span className="h-px w-6 bg-white/30" />
          <span className="rounded-full bg-leadership/20 px-2.5 py-1 text-[oklch(0.9_0.08_85)] ring-1 ring-leadership/40">Leadership</span>
        </div>
        <h2 className="text-3xl leading-tight font-semibold tracking-tight text-balance">One place where marketing and IT run their joint work in the open.</h2>
        <p className="mt-4 text-[15px] leading-relaxed text-white/70">
          Co-owned projects, one shared to-do list and a transparency log nobody can quietly rewrite — with a live feed leadership can read from a laptop or a
          phone in a corridor.
        </p>
        <ul className="mt-8 grid gap-3 text-sm text-white/80">
          {["Both sides see the same work, as it moves", "Every change is on the record", "Leadership watches without chasing"].map((line) => (
            <li key={line} className="flex items-center gap-2.5">
              <span className="size-1.5 rounded-full bg-white/60" />
              {line}
            </li>
          ))}
        </ul>
      </div>
    </aside>
  );
}
