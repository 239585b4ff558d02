import { describe, expect, it } from "vitest";
import { checkPlan, checkText, codeOnly, type PlanNode, RefusedQuery } from "./policy.js";

const op = (operatorType: string, details = "", children: PlanNode[] = []): PlanNode => ({ operatorType, arguments: { Details: details }, children });

describe("checkText", () => {
  it("does not see keywords inside strings, names or comments", () => {
    expect(codeOnly("MATCH (n {title: 'LOAD CSV'}) // LOAD CSV\nRETURN n.`LOAD CSV`")).not.toMatch(/LOAD CSV/);
    expect(checkText("MATCH (n) WHERE n.text CONTAINS 'LOAD CSV FROM' RETURN n")).toContain("MATCH");
  });

  it.each([
    ["LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", /LOAD CSV/],
    ["load   csv with headers from 'x' as l return l", /LOAD CSV/],
    ["CALL () { MATCH (n) RETURN n } IN TRANSACTIONS OF 10 ROWS", /IN TRANSACTIONS/],
    ["CALL () { CREATE () } IN 3 CONCURRENT TRANSACTIONS", /IN TRANSACTIONS/],
    ["CALL () { CREATE () } IN CONCURRENT TRANSACTIONS", /IN TRANSACTIONS/],
    ["PROFILE MATCH (n) RETURN n", /EXPLAIN or PROFILE/],
    ["USE system SHOW USERS", /USE is not allowed/],
    ["CREATE OR REPLACE DATABASE hack", /administration/],
    ["GRANT ROLE admin TO bob", /administration/],
    ["", /needs "query"/],
  ])("refuses %s", (query, message) => {
    expect(() => checkText(query)).toThrow(RefusedQuery);
    expect(() => checkText(query)).toThrow(message);
  });
});

describe("checkPlan", () => {
  it("accepts a read plan calling only allowed procedures", () => {
    expect(() => checkPlan("r", op("ProduceResults@neo4j", "", [op("ProcedureCall@neo4j", "db.labels() :: (label :: STRING)")]))).not.toThrow();
  });

  it("names a procedure outside the allow-list, even inside a read plan", () => {
    expect(() => checkPlan("r", op("ProduceResults@neo4j", "", [op("ProcedureCall@neo4j", 'dbms.listConfig("") :: (name :: STRING)')]))).toThrow(
      /procedure dbms\.listConfig is not allowed/,
    );
  });

  it.each([
    ["w", /writes/],
    ["rw", /reads and writes/],
    ["s", /changes the schema/],
  ])("refuses query type %s", (queryType, message) => {
    expect(() => checkPlan(queryType, op("ProduceResults@neo4j"))).toThrow(message);
  });

  it("accepts dbms.components, which Neo4j types as a schema query, with nothing but row operators around it", () => {
    const components = op("ProcedureCall@neo4j", "dbms.components() :: (name :: STRING, versions :: LIST<STRING>, edition :: STRING)");
    expect(() => checkPlan("s", op("ProduceResults@neo4j", "", [components]))).not.toThrow();
    expect(() => checkPlan("s", op("ProduceResults@neo4j", "", [op("Sort@neo4j", "", [op("Unwind@neo4j", "", [components])])]))).not.toThrow();
    // Neo4j still says "s" when a DBMS procedure sits beside a write or a graph read.
    expect(() => checkPlan("s", op("ProduceResults@neo4j", "", [op("EmptyResult@neo4j", "", [op("Create@neo4j", "(:X)", [components])])]))).toThrow(
      /beside a dbms procedure only/,
    );
    expect(() => checkPlan("s", op("ProduceResults@neo4j", "", [op("Apply@neo4j", "", [components, op("AllNodesScan@neo4j", "n")])]))).toThrow(
      /beside a dbms procedure only/,
    );
    expect(() => checkPlan("s", op("ProduceResults@neo4j", "", [op("ProcedureCall@neo4j", "dbms.info() :: (id :: STRING)")]))).toThrow(
      /procedure dbms\.info is not allowed/,
    );
    expect(() => checkPlan("s", op("CreateIndex@neo4j", "RANGE INDEX x FOR (:X) ON (y)"))).toThrow(/changes the schema/);
  });

  it("refuses SHOW TRANSACTIONS but not SHOW INDEXES", () => {
    expect(() => checkPlan("r", op("ShowTransactions@neo4j"))).toThrow(/SHOW TRANSACTIONS is not allowed/);
    expect(() => checkPlan("r", op("ShowIndexes@neo4j"))).not.toThrow();
  });
});
