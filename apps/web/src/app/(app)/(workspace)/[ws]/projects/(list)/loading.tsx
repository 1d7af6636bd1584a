import { ProjectsSkeleton } from "./projects";

export default function Loading() {
  return <ProjectsSkeleton />;
}
