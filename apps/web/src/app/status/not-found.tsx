import { LogoMark } from "~/components/brand/logo";

/** Plain links (full page loads): the status pages run without the app's client providers. */
export default function StatusNotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-5 px-6 text-center">
      <LogoMark className="size-10" />
      <div className="grid gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">We can&apos;t find that status page</h1>
        <p className="max-w-sm text-sm text-slate-600">
          The workspace may not exist, or you may not be a member of it. Ask one of its admins for an invite link.
        </p>
      </div>
      <a href="/status" className="inline-flex min-h-11 items-center rounded-lg bg-violet-700 px-4 text-sm font-medium text-white hover:bg-violet-800">
        Your status page
      </a>
    </main>
  );
}
