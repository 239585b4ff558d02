import type { CombinedError } from "urql";
import { Link } from "wouter";
import { routes } from "../routes";

export function Loading() {
  return (
    <p className="status" role="status">
      加载中…
    </p>
  );
}

/** An API failure as the API words it: each message with its `extensions.code`, never a blank page. */
export function ApiError({ error }: { error: CombinedError }) {
  const items =
    error.graphQLErrors.length > 0
      ? error.graphQLErrors.map((e) => ({ message: e.message, code: String(e.extensions?.code ?? "ERROR") }))
      : [{ message: error.networkError?.message ?? error.message, code: "NETWORK_ERROR" }];
  return (
    <div className="error" role="alert">
      <strong>请求失败</strong>
      <ul>
        {items.map((e) => (
          <li key={`${e.code}:${e.message}`}>
            <code className="code">{e.code}</code> {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A deep link to something that is not there: say so, and offer a way on. */
export function NotFound({ what }: { what: string }) {
  return (
    <div className="not-found" role="alert">
      <h1>找不到{what}</h1>
      <p>
        链接可能有误，或者数据已被合并、删除。<Link href={routes.home()}>返回搜索</Link>
      </p>
    </div>
  );
}

/** The next page of a list the user asked for, with how much is shown; the request's failure under it. */
export function LoadMore(props: {
  shown: number;
  total: number;
  hasNextPage: boolean;
  busy: boolean;
  error?: CombinedError | null | undefined;
  onMore: () => void;
}) {
  return (
    <>
      {props.error && <ApiError error={props.error} />}
      {props.hasNextPage && (
        <button type="button" onClick={props.onMore} disabled={props.busy}>
          {props.busy ? "加载中…" : `更多（已显示 ${props.shown} / ${props.total}）`}
        </button>
      )}
    </>
  );
}
