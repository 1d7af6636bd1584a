import { MembersSkeleton } from "./members";

export default function Loading() {
  return <MembersSkeleton />;
}
