import { DigestSkeleton } from "./digest-page";

export default function Loading() {
  return <DigestSkeleton />;
}
