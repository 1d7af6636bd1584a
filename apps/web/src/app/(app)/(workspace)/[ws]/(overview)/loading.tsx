import { OverviewSkeleton } from "./overview";

export default function Loading() {
  return <OverviewSkeleton />;
}
