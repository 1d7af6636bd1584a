import { HealthPill } from "~/components/projects/health";
import { DisagreeBadge } from "~/components/projects/health";
import { HEALTHS, type Health } from "~/lib/projects";

const SECTIONS = [
  ["moved", "What moved"],
  ["risks", "Risks"],
  ["asks", "Asks of the other side"],
  ["decisions", "Decisions"],
] as const;

const str = (v: unknown) => (typeof v === "string" ? v.trim() : "");
const health = (v: unknown): Health | null => ((HEALTHS as readonly unknown[]).includes(v) ? (v as Health) : null);

/** A check-in as its author wrote it: the headline and health, then what moved, risks, asks and decisions. */
export function CheckInCard({ after }: { after: Record<string, unknown> }) {
  const sections = SECTIONS.map(([key, title]) => [key, title, str(after[key])] as const).filter(([, , body]) => body);
  return (
    <div className="mt-1 grid gap-3 rounded-lg border bg-muted/30 px-3.5 py-3" data-testid="check-in-card">
      <div className="flex flex-wrap items-center gap-2">
        <HealthPill health={health(after.health)} />
        {after.disagree === true ? <DisagreeBadge /> : null}
      </div>
      <p className="text-[15px] leading-snug font-medium [overflow-wrap:anywhere]">{str(after.headline)}</p>
      {sections.length > 0 ? (
        <dl className="grid gap-2.5">
          {sections.map(([key, title, body]) => (
            <div key={key} className="grid gap-0.5">
              <dt className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{title}</dt>
              <dd className="text-sm leading-relaxed whitespace-pre-line [overflow-wrap:anywhere]">{body}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
