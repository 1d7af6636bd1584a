import { Overview } from "./overview";

export default async function OverviewPage({ params }: { params: Promise<{ ws: string }> }) {
  const { ws } = await params;
  return <Overview slug={ws} />;
}
