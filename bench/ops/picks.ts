import { district } from "../data/generate.js";
import { post } from "../measure/clients.js";
import type { Picks } from "./operations.js";

/** District 3 of a generated graph: the same district, zones and projects at every graph size. */
export const PICKED_DISTRICT = 3;
const YEAR = 2022;

interface PageInfo {
  entities: { pageInfo: { endCursor: string | null } };
}

/** The picks for a generated graph; the page-3 cursor is read from our API, as a frontend would. */
export async function generatedPicks(seed: number, ourBaseUrl: string): Promise<Picks> {
  const d = district(seed, PICKED_DISTRICT);
  const project = d.projects[0];
  if (!project) throw new Error("generated district has no project");
  let after: string | null = null;
  for (let page = 1; page <= 2; page++) {
    const data = (await post(
      ourBaseUrl,
      "query P($after: String) { entities(kind: PROJECT, first: 20, after: $after) { pageInfo { endCursor } edges { cursor } } }",
      { after },
    )) as PageInfo;
    after = data.entities.pageInfo.endCursor;
  }
  if (after === null) throw new Error("fewer than three pages of projects");
  return {
    district: d.name,
    zone: project.zone,
    project: project.name,
    searchTerm: project.name,
    year: YEAR,
    projectsPage3After: after,
    projectsPage3Offset: 40,
  };
}

/** Picks answered on data/corpus (the projects cursor is our API's `offset:39`). */
export const CORPUS_PICKS: Picks = {
  district: "市北区",
  zone: "邮轮港区",
  project: "浮岛公园",
  searchTerm: "邮轮港区",
  year: 2023,
  projectsPage3Offset: 40,
  projectsPage3After: Buffer.from("offset:39", "utf8").toString("base64url"),
};
