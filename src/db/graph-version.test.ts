import { describe, expect, it } from "vitest";
import { GraphVersionReader, UNWRITTEN } from "./graph-version.js";

/** A read that resolves when the test says, recording when it started. */
function controlledReads() {
  const started: Array<{ resolve: (v: string | null) => void; reject: (e: Error) => void }> = [];
  const read = () =>
    new Promise<string | null>((resolve, reject) => {
      started.push({ resolve, reject });
    });
  return { started, reader: new GraphVersionReader(read) };
}

const tick = () => new Promise((r) => setImmediate(r));

describe("GraphVersionReader", () => {
  it("gives every caller a read that started after it called, shared by callers that arrive together", async () => {
    const { started, reader } = controlledReads();
    const a = reader.current();
    expect(started).toHaveLength(1);
    // b and c arrive while a's read is under way: that read may predate a write they must see.
    const b = reader.current();
    const c = reader.current();
    expect(started).toHaveLength(1);
    started[0]?.resolve("e:1");
    expect(await a).toBe("e:1");
    await tick();
    expect(started).toHaveLength(2);
    started[1]?.resolve("e:2");
    expect(await b).toBe("e:2");
    expect(await c).toBe("e:2");
  });

  it("starts afresh once nothing is under way, and a failed read fails only its own callers", async () => {
    const { started, reader } = controlledReads();
    const a = reader.current();
    const b = reader.current();
    started[0]?.reject(new Error("down"));
    await expect(a).rejects.toThrow("down");
    await tick();
    started[1]?.resolve(null);
    expect(await b).toBe(UNWRITTEN);
    const c = reader.current();
    expect(started).toHaveLength(3);
    started[2]?.resolve("e:3");
    expect(await c).toBe("e:3");
  });
});
