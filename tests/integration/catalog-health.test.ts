import { afterAll, describe, expect, it, vi } from "vitest";
import { closeDb, installDatabase, type Db } from "@/db/client";
import { GET as health } from "@/app/api/health/route";

afterAll(async () => {
  await closeDb();
});

describe("GET /api/health without a database", () => {
  it("answers 503 JSON when the database is unreachable", async () => {
    const unreachable = { execute: () => Promise.reject(new Error("connection refused")) } as unknown as Db;
    installDatabase({ db: unreachable, kind: "postgres", close: async () => {} });
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await health();
    quiet.mockRestore();
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "unavailable", database: "unreachable" });
  });
});
