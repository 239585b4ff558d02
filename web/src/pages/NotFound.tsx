import { NotFound } from "../components/Status";

export function NotFoundPage() {
  return <NotFound what="这个页面" />;
}
