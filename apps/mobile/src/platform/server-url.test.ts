import { checkServerUrl } from "./server-url";

describe("checkServerUrl", () => {
  it("accepts https and keeps the origin", () => {
    expect(checkServerUrl(" https://fit.example.com/ ", false)).toEqual({
      ok: true,
      origin: "https://fit.example.com",
    });
    expect(checkServerUrl("https://fit.example.com:8443", false)).toEqual({
      ok: true,
      origin: "https://fit.example.com:8443",
    });
  });

  it("rejects http in release builds", () => {
    for (const address of ["http://fit.example.com", "http://localhost:3000", "http://127.0.0.1"]) {
      expect(checkServerUrl(address, false)).toEqual({ ok: false, problem: "https-required" });
    }
  });

  it("allows http to this machine in development", () => {
    for (const address of ["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"]) {
      expect(checkServerUrl(address, true)).toMatchObject({ ok: true });
    }
    expect(checkServerUrl("http://192.168.1.20:3000", true)).toEqual({
      ok: false,
      problem: "https-required",
    });
    expect(checkServerUrl("http://localhost.example.com", true)).toEqual({
      ok: false,
      problem: "https-required",
    });
  });

  it("rejects other schemes, paths and credentials", () => {
    expect(checkServerUrl("fit.example.com", false)).toEqual({ ok: false, problem: "invalid" });
    expect(checkServerUrl("ftp://fit.example.com", false)).toEqual({
      ok: false,
      problem: "invalid",
    });
    expect(checkServerUrl("https://user:secret@fit.example.com", false)).toEqual({
      ok: false,
      problem: "invalid",
    });
    expect(checkServerUrl("https://fit.example.com/app", false)).toEqual({
      ok: false,
      problem: "has-path",
    });
  });
});
