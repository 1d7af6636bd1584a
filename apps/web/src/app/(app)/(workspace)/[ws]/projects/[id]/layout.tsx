import { loadProjectOr404 } from "./load-project";

/**
 * Checks the project before anything is streamed: this layout sits outside the page's loading
 * skeleton, so a wrong or deleted project id answers HTTP 404 rather than a 200 whose body says
 * "not found".
 */
export default async function ProjectLayout({ params, children }: { params: Promise<{ ws: string; id: string }>; children: React.ReactNode }) {
  const { ws, id } = await params;
  await loadProjectOr404(ws, id);
  return children;
}
