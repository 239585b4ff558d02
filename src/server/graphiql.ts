import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import type { NextFunction, Request, Response } from "express";

/** The query the IDE opens with: a real question, in Chinese, about the corpus. */
export const DEFAULT_QUERY = `# 市北区2023年的主要预期目标：地区生产总值的目标（附原文出处），以及各项目标的完成情况
query ShibeiTargets2023 {
  gdp: observations(filter: { subject: "市北", indicator: "地区生产总值", period: 2023, kind: TARGET }) {
    edges {
      node {
        indicator { name }
        value
        unit
        qualifier
        citations { quote document { id title } }
      }
    }
  }
  attainment: targetAttainment(subject: "市北区", period: 2023) {
    indicator { name }
    target { value unit qualifier }
    actual { value unit }
    met
  }
}
`;

const pages = new Map<boolean, string>();

/** A corner link to the local Neo4j Browser, shown only where the service offers one. */
const BROWSER_LINK = `<a id="neo4j-browser-link" href="/browser/" target="_blank" rel="noopener"
  style="position:fixed;right:16px;bottom:12px;z-index:10;padding:4px 10px;border-radius:6px;background:#018bff;color:#fff;font:13px sans-serif;text-decoration:none">Neo4j Browser ↗</a>`;

/** GraphiQL as one self-contained page (scripts, styles and workers inlined): nothing is fetched from another host. */
function graphiqlPage(withBrowserLink: boolean): string {
  let page = pages.get(withBrowserLink);
  if (page === undefined) {
    page = renderGraphiQL({ title: "青岛政府工作报告知识图谱 · GraphQL", defaultQuery: DEFAULT_QUERY, endpoint: "/graphql" } as Parameters<
      typeof renderGraphiQL
    >[0]);
    // The last </body> closes the page; inlined scripts contain the string too.
    const end = page.lastIndexOf("</body>");
    if (withBrowserLink && end >= 0) page = `${page.slice(0, end)}${BROWSER_LINK}${page.slice(end)}`;
    pages.set(withBrowserLink, page);
  }
  return page;
}

/** Monaco runs its workers from blob: URLs and evaluates inline scripts; everything else stays on this origin. */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
].join("; ");

/**
 * A browser that GETs /graphql (asking for HTML, no query) gets the IDE; API clients go on to
 * Apollo. The IDE links to /browser when the service serves Neo4j Browser.
 */
export function graphiql(options: { browserLink: boolean }): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    const preferred = req.accepts(["application/json", "text/html"]);
    if (req.method !== "GET" || req.query.query !== undefined || preferred !== "text/html") {
      next();
      return;
    }
    res.setHeader("Content-Security-Policy", CSP);
    res.type("html").send(graphiqlPage(options.browserLink));
  };
}
