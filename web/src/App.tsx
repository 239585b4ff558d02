import { lazy, Suspense } from "react";
import { Link, Route, Switch } from "wouter";
import { Loading } from "./components/Status";
import { CuratePage } from "./pages/Curate";
import { EntityByNamePage, EntityPage } from "./pages/Entity";
import { NotFoundPage } from "./pages/NotFound";
import { ObservationPage } from "./pages/Observation";
import { SearchPage } from "./pages/Search";
import { SourcePage } from "./pages/Source";
import { decodeParam, routes } from "./routes";

// The graph renderer and the charts are the heavy libraries: loaded only on the pages that draw.
const GraphPage = lazy(() => import("./pages/Graph"));
const TargetsPage = lazy(() => import("./pages/Targets"));
const ComparePage = lazy(() => import("./pages/Compare"));
const SeriesPage = lazy(() => import("./pages/Series"));

export function App() {
  return (
    <>
      <header className="top">
        <Link href={routes.home()} className="brand">
          政府工作报告知识图谱
        </Link>
        <nav>
          <Link href={routes.home()}>搜索</Link>
          <Link href={routes.curate()}>导入</Link>
          <a href="/graphql">GraphQL</a>
        </nav>
      </header>
      <main>
        <Suspense fallback={<Loading />}>
          <Switch>
            <Route path="/" component={SearchPage} />
            <Route path="/entity/:id">{(p) => <EntityPage id={decodeParam(p.id)} />}</Route>
            <Route path="/name/:name">{(p) => <EntityByNamePage name={decodeParam(p.name)} />}</Route>
            <Route path="/observation/:id">{(p) => <ObservationPage id={decodeParam(p.id)} />}</Route>
            <Route path="/doc/:id">{(p) => <SourcePage id={decodeParam(p.id)} />}</Route>
            <Route path="/graph/:id">{(p) => <GraphPage id={decodeParam(p.id)} />}</Route>
            <Route path="/targets/:subject/:year">{(p) => <TargetsPage subject={decodeParam(p.subject)} year={p.year} />}</Route>
            <Route path="/compare" component={ComparePage} />
            <Route path="/series" component={SeriesPage} />
            <Route path="/curate" component={CuratePage} />
            <Route component={NotFoundPage} />
          </Switch>
        </Suspense>
      </main>
    </>
  );
}
