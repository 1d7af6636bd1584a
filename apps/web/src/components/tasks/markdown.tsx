"use client";

import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

import { cn } from "~/lib/utils";

// Links open elsewhere and never carry our session's referrer.
const components: Components = {
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer nofollow" />,
  img: ({ node: _node, alt }) => <span className="text-muted-foreground">[image: {alt || "untitled"}]</span>,
};

/**
 * A task description rendered from Markdown (GitHub flavour). Raw HTML in the text is dropped,
 * not rendered, and react-markdown's URL filter removes javascript: and similar links, so
 * anything a teammate typed displays as text and links only.
 */
export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={cn("markdown text-sm leading-relaxed", className)}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
