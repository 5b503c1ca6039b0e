import { mkdtempSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeFolders } from "../src/files/make-folders.js";

const folder = () => mkdtempSync(join(tmpdir(), "certkit-folders-"));

describe("makeFolders", () => {
  it("makes every missing folder with the mode, and takes one already there", async () => {
    const parent = folder();
    const deep = join(parent, "a", "b", "c");
    await makeFolders(deep, 0o700);
    for (const made of [join(parent, "a"), join(parent, "a", "b"), deep])
      expect(statSync(made).mode & 0o777, made).toBe(0o700);
    await expect(makeFolders(deep, 0o700)).resolves.toBeUndefined();
  });

  it("fails with ENOENT under a symlink to nowhere, where Node's recursive mkdir never returns", async () => {
    const parent = folder();
    symlinkSync(join(parent, "unmounted"), join(parent, "dangling"));
    await expect(makeFolders(join(parent, "dangling", "certs"), 0o700)).rejects.toMatchObject({ code: "ENOENT" });
    // The folder itself a symlink to nowhere: not made, and not taken for one.
    await expect(makeFolders(join(parent, "dangling"), 0o700)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("fails as mkdir -p does when a file is in the way", async () => {
    const parent = folder();
    writeFileSync(join(parent, "afile"), "x");
    await expect(makeFolders(join(parent, "afile"), 0o700)).rejects.toMatchObject({ code: "EEXIST" });
    await expect(makeFolders(join(parent, "afile", "below"), 0o700)).rejects.toMatchObject({ code: "ENOTDIR" });
  });

  it("makes the same folders from many callers at once", async () => {
    const deep = join(folder(), "x", "y");
    await Promise.all(Array.from({ length: 8 }, () => makeFolders(deep, 0o755)));
    expect(statSync(deep).isDirectory()).toBe(true);
  });
});
