"use client";

import { useId, useLayoutEffect, useMemo, useRef, useState } from "react";

import { UserAvatar } from "~/components/people/user-avatar";
import { Textarea } from "@tandem/ui/textarea";
import { activeMentionQuery } from "~/lib/mentions";
import { SIDE_LABELS, type Side } from "~/lib/sides";
import { cn } from "~/lib/utils";

export interface Mentionable {
  id: string;
  name: string;
  side: Side;
}

/**
 * A textarea that offers people to mention: type @ and a few letters, pick with the arrows and
 * Enter (or a click). The text shows "@Name"; `withMentionTokens` (lib/mentions) makes the tokens on send.
 */
export function MentionTextarea({
  value,
  onChange,
  people,
  onPick,
  onSubmit,
  className,
  ...props
}: Omit<React.ComponentProps<typeof Textarea>, "value" | "onChange" | "onSubmit"> & {
  value: string;
  onChange: (value: string) => void;
  people: Mentionable[];
  onPick: (name: string, memberId: string) => void;
  /** Ctrl/⌘+Enter. */
  onSubmit?: () => void;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  // Where the caret goes once a picked mention is in the text. Set in the same commit that
  // writes the text (a layout effect), so a key typed straight after Enter lands after the
  // name: a frame later, the browser would already have put that key at the end.
  const caretAfterPick = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = caretAfterPick.current;
    const el = ref.current;
    if (at === null || !el || el.value !== value) return;
    caretAfterPick.current = null;
    el.focus();
    el.setSelectionRange(at, at);
  }, [value]);

  const matches = useMemo(() => {
    if (!query) return [];
    const q = query.query.toLowerCase();
    const name = (p: Mentionable) => p.name.toLowerCase();
    // Whole-name prefix first ("ma" → Maya Chen before Leo Martin), then any word of the name.
    const rank = (p: Mentionable) =>
      name(p).startsWith(q)
        ? 0
        : name(p)
              .split(/\s+/)
              .some((part) => part.startsWith(q))
          ? 1
          : 2;
    return people
      .filter((p) => rank(p) < 2)
      .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
      .slice(0, 6);
  }, [people, query]);
  const open = query !== null && matches.length > 0;

  function refresh(text: string, caret: number) {
    const next = activeMentionQuery(text, caret);
    setQuery(next);
    if (next?.query !== query?.query) setActive(0);
  }

  function pick(person: Mentionable) {
    const el = ref.current;
    if (!query || !el) return;
    const caret = el.selectionStart ?? value.length;
    const insert = `@${person.name} `;
    const next = value.slice(0, query.start) + insert + value.slice(caret);
    onChange(next);
    onPick(person.name, person.id);
    setQuery(null);
    caretAfterPick.current = query.start + insert.length;
  }

  return (
    <div className="relative">
      <Textarea
        {...props}
        ref={ref}
        value={value}
        className={className}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          refresh(e.target.value, e.target.selectionStart ?? e.target.value.length);
        }}
        onClick={(e) => refresh(value, e.currentTarget.selectionStart ?? value.length)}
        onBlur={() => setTimeout(() => setQuery(null), 120)}
        onKeyDown={(e) => {
          if (open) {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setActive((i) => (i + 1) % matches.length);
              return;
            }
            if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive((i) => (i - 1 + matches.length) % matches.length);
              return;
            }
            if (e.key === "Enter" || e.key === "Tab") {
              e.preventDefault();
              pick(matches[active]!);
              return;
            }
            if (e.key === "Escape") {
              e.preventDefault();
              e.stopPropagation();
              setQuery(null);
              return;
            }
          }
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey) && onSubmit) {
            e.preventDefault();
            onSubmit();
          }
        }}
      />
      {open ? (
        <div
          id={listId}
          role="listbox"
          aria-label="People to mention"
          className="absolute top-full left-0 z-50 mt-1 w-64 max-w-full overflow-hidden rounded-lg border bg-popover p-1 shadow-lg shadow-black/5 animate-in"
        >
          {matches.map((p, i) => (
            // Options of an aria-activedescendant listbox: focus stays in the textarea.
            // biome-ignore lint/a11y/useFocusableInteractive: the textarea holds focus and points at the active option
            <div
              key={p.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(p);
              }}
              onMouseEnter={() => setActive(i)}
              className={cn("flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm", i === active && "bg-accent")}
            >
              <UserAvatar name={p.name} side={p.side} size="xs" />
              <span className="min-w-0 flex-1 truncate">{p.name}</span>
              <span className="text-xs text-muted-foreground">{SIDE_LABELS[p.side]}</span>
            </div>
          ))}
        </div>
      ) : null}
      <span className="sr-only" aria-live="polite">
        {open ? `${matches.length} ${matches.length === 1 ? "person" : "people"} to mention. Use the arrow keys and Enter to choose.` : ""}
      </span>
    </div>
  );
}
