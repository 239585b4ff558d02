import { Link } from "wouter";
import type { CitationLike } from "../Citation";
import { routes } from "../../routes";
import { Citations } from "../Citations";

interface Named {
  id: string;
  name: string;
}
export interface PostRow {
  id: string;
  title: string;
  current: boolean;
  asOf?: string | null;
  holder: Named;
  citations: readonly CitationLike[];
}

/** Oldest first; a post without a date goes last. */
function byDate(a: PostRow, b: PostRow): number {
  if (!a.asOf || !b.asOf) return a.asOf ? -1 : b.asOf ? 1 : 0;
  return a.asOf.localeCompare(b.asOf) || a.title.localeCompare(b.title, "zh");
}

/** A person's posts (holder: the organization) or an organization's (holder: the person), over time. */
export function Posts({ posts, holderLabel }: { posts: readonly PostRow[]; holderLabel: string }) {
  const rows = [...posts].sort(byDate);
  return (
    <section className="card entity-posts" aria-labelledby="entity-posts-h">
      <h2 id="entity-posts-h">
        职务 <span className="muted">{posts.length}</span>
      </h2>
      {rows.length === 0 ? (
        <p className="muted">文本中没有陈述职务。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>时间</th>
              <th>{holderLabel}</th>
              <th>职务</th>
              <th>状态</th>
              <th>出处</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td className="entity-nowrap">{p.asOf ?? "—"}</td>
                <td>
                  <Link href={routes.entity(p.holder.id)}>{p.holder.name}</Link>
                </td>
                <td>{p.title}</td>
                <td className="entity-nowrap">{p.current ? "现任" : <span className="muted">原任/时任</span>}</td>
                <td>
                  <Citations citations={p.citations} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
