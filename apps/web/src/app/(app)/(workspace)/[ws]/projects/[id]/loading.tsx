import { ProjectPageSkeleton } from "./project-page";

export default function Loading() {
  return <ProjectPageSkeleton />;
}
