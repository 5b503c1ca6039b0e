import { spawnSync } from "node:child_process";
import {
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FileSetError } from "../src/files/file-set-error.js";
import { writeFileSet } from "../src/files/write-file-set.js";

const folder = () => mkdtempSync(join(tmpdir(), "certkit-write-"));
const key = (content: string) => ({ name: "privkey.pem", content, mode: 0o600 });
const cert = (content: string) => ({ name: "cert.pem", content, mode: 0o644 });

describe("writeFileSet", () => {
  it("puts each file in place whole, with its mode, leaving nothing else in the folder", async () => {
    const dir = join(folder(), "new");
    const written = await writeFileSet(dir, [key("KEY"), cert("CERT")], { replace: false });
    expect(written.paths).toEqual([join(dir, "privkey.pem"), join(dir, "cert.pem")]);
    expect(readdirSync(dir).sort()).toEqual(["cert.pem", "privkey.pem"]);
    expect(statSync(join(dir, "privkey.pem")).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it("without replace, a file that appears after the check is not replaced, and what was written is taken back", async () => {
    const dir = folder();
    // Many writers of the same folder at once: exactly one wins, every other is told the files exist.
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) =>
        writeFileSet(dir, [key(`KEY ${index}`), cert(`CERT ${index}`)], { replace: false }),
      ),
    );
    const won = results.filter((result) => result.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const result of results)
      if (result.status === "rejected")
        expect(result.reason).toMatchObject({ name: "FileSetError", problem: "exists" });
    const keyText = readFileSync(join(dir, "privkey.pem"), "utf8");
    expect(readFileSync(join(dir, "cert.pem"), "utf8")).toBe(keyText.replace("KEY", "CERT"));
    expect(readdirSync(dir).sort()).toEqual(["cert.pem", "privkey.pem"]);
  });

  it("replacing with keepReplaced, undo puts the old files back and removes the new ones", async () => {
    const dir = folder();
    writeFileSync(join(dir, "privkey.pem"), "OLD KEY", { mode: 0o600 });
    const written = await writeFileSet(dir, [key("NEW KEY"), cert("NEW CERT")], { replace: true, keepReplaced: true });
    expect(readFileSync(join(dir, "privkey.pem"), "utf8")).toBe("NEW KEY");
    await written.undo();
    expect(readFileSync(join(dir, "privkey.pem"), "utf8")).toBe("OLD KEY");
    expect(readdirSync(dir)).toEqual(["privkey.pem"]);
  });

  it("replacing with keepReplaced, commit drops the old files' copies", async () => {
    const dir = folder();
    writeFileSync(join(dir, "privkey.pem"), "OLD KEY", { mode: 0o600 });
    const written = await writeFileSet(dir, [key("NEW KEY")], { replace: true, keepReplaced: true });
    expect(readdirSync(dir)).toHaveLength(2);
    await written.commit();
    expect(readdirSync(dir)).toEqual(["privkey.pem"]);
    expect(readFileSync(join(dir, "privkey.pem"), "utf8")).toBe("NEW KEY");
  });

  it("replacing, a failure part-way puts every replaced file back and leaves nothing else", async () => {
    const dir = folder();
    writeFileSync(join(dir, "cert.pem"), "OLD CERT");
    // The key's name is taken by a folder: the certificate is in place when the key fails.
    mkdirSync(join(dir, "privkey.pem"));
    await expect(writeFileSet(dir, [cert("NEW CERT"), key("NEW KEY")], { replace: true })).rejects.toThrow();
    expect(readFileSync(join(dir, "cert.pem"), "utf8")).toBe("OLD CERT");
    expect(readdirSync(dir).sort()).toEqual(["cert.pem", "privkey.pem"]);
  });

  it("replacing, drops the replaced files' copies once every new file is in place", async () => {
    const dir = folder();
    writeFileSync(join(dir, "cert.pem"), "OLD CERT");
    const written = await writeFileSet(dir, [cert("NEW CERT"), key("NEW KEY")], { replace: true });
    expect(readdirSync(dir).sort()).toEqual(["cert.pem", "privkey.pem"]);
    await written.undo();
    expect(readFileSync(join(dir, "cert.pem"), "utf8")).toBe("NEW CERT");
  });

  it("says plainly when the folder is a file", async () => {
    const parent = folder();
    writeFileSync(join(parent, "afile"), "x");
    const refused = writeFileSet(join(parent, "afile"), [cert("CERT")], { replace: false });
    await expect(refused).rejects.toThrow(
      new FileSetError(
        "not-a-folder",
        [join(parent, "afile")],
        `${join(parent, "afile")} is not a folder: nothing was written`,
      ),
    );
  });

  it("says plainly when the folder cannot be made under a symlink to nowhere, and makes missing parents", async () => {
    const parent = folder();
    // Node's own recursive mkdir would spin here forever (the kernel answers ENOENT under the dangling link).
    symlinkSync(join(parent, "unmounted"), join(parent, "dangling"));
    const through = join(parent, "dangling", "certs");
    await expect(writeFileSet(through, [cert("CERT")], { replace: false })).rejects.toThrow(
      new FileSetError(
        "cannot-make-folder",
        [through],
        `${through} cannot be made (a folder above it is missing or takes no folders, or it is a symlink to nowhere): nothing was written`,
      ),
    );
    await expect(writeFileSet(join(parent, "dangling"), [cert("CERT")], { replace: false })).rejects.toThrow(
      new FileSetError(
        "cannot-make-folder",
        [join(parent, "dangling")],
        `${join(parent, "dangling")} cannot be made (a folder above it is missing or takes no folders, or it is a symlink to nowhere): nothing was written`,
      ),
    );
    const deep = join(parent, "a", "b", "c");
    await writeFileSet(deep, [cert("CERT")], { replace: false });
    expect(readFileSync(join(deep, "cert.pem"), "utf8")).toBe("CERT");
    expect(statSync(join(parent, "a")).mode & 0o777).toBe(0o700);
  });

  it("leaves no cut-off file when the process dies mid-write (here: past its file-size limit)", () => {
    const dir = folder();
    const module = fileURLToPath(new URL("../dist/files/write-file-set.js", import.meta.url));
    const script =
      `const { writeFileSet } = await import(${JSON.stringify(module)});` +
      `await writeFileSet(${JSON.stringify(dir)}, [{ name: "fullchain.pem", content: "A".repeat(4096), mode: 0o644 }], { replace: false });`;
    // `ulimit -f 1`: the kernel kills the writer (SIGXFSZ) once a file passes 1,024 bytes, as a crash would.
    const run = spawnSync("bash", [
      "-c",
      `ulimit -f 1; exec "$0" --input-type=module -e "$1"`,
      process.execPath,
      script,
    ]);
    expect(run.status).not.toBe(0);
    expect(readdirSync(dir).filter((name) => !name.startsWith("."))).toEqual([]);
  });

  // Under fs.protected_hardlinks (Linux's default) a user may not hard-link another user's file it cannot write: one
  // `sudo certkit download` left in a folder the fleet's user owns. Run as root, to write as another user.
  it.skipIf(process.getuid?.() !== 0)("replaces files another user owns, which it may not hard-link", () => {
    const dir = folder();
    const nobody = 65534;
    chownSync(dir, nobody, nobody);
    writeFileSync(join(dir, "cert.pem"), "ROOT'S", { mode: 0o644 });
    const module = fileURLToPath(new URL("../dist/files/write-file-set.js", import.meta.url));
    const script =
      `const { writeFileSet } = await import(${JSON.stringify(module)});` +
      `await writeFileSet(${JSON.stringify(dir)}, [{ name: "cert.pem", content: "NEW", mode: 0o644 }], { replace: true });`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { uid: nobody, gid: nobody });
    expect(run.stderr.toString()).toBe("");
    expect(readFileSync(join(dir, "cert.pem"), "utf8")).toBe("NEW");
    expect(readdirSync(dir)).toEqual(["cert.pem"]);
  });

  it("removes the hidden copies that writers which died left, and keeps those of a writer still running", async () => {
    const dir = folder();
    // A pid no process has (above Linux's largest), and a running process's (this one's parent): its write in progress.
    const dead = join(dir, ".fullchain.pem.4194305.0badc0de.tmp");
    const live = join(dir, `.cert.pem.${process.ppid}.0badc0de.tmp`);
    const unrelated = join(dir, ".notes.4194305.0badc0de.tmp");
    // An old key a killed replacing write kept to put back.
    const kept = join(dir, ".privkey.pem.4194305.0badc0de.replaced");
    for (const path of [dead, live, unrelated, kept]) writeFileSync(path, "PART OF A");
    await writeFileSet(dir, [cert("CERT"), key("KEY"), { name: "fullchain.pem", content: "FULL", mode: 0o644 }], {
      replace: false,
    });
    expect(readdirSync(dir).sort()).toEqual([
      ".cert.pem." + process.ppid + ".0badc0de.tmp",
      ".notes.4194305.0badc0de.tmp",
      "cert.pem",
      "fullchain.pem",
      "privkey.pem",
    ]);
  });

  it("removes the copies an earlier process with this one's id left (a container's main process, restarted)", async () => {
    const dir = folder();
    const kept = join(dir, `.privkey.pem.${process.pid}.0badc0de.replaced`);
    writeFileSync(kept, "OLD KEY", { mode: 0o600 });
    await writeFileSet(dir, [key("KEY")], { replace: true });
    expect(readdirSync(dir)).toEqual(["privkey.pem"]);
  });

  it("keeps the copies of this process's own write in progress", async () => {
    const dir = folder();
    const first = await writeFileSet(dir, [key("OLD")], { replace: false });
    await first.commit();
    const pending = await writeFileSet(dir, [key("NEW")], { replace: true, keepReplaced: true });
    await writeFileSet(dir, [key("NEWER")], { replace: true });
    await pending.undo();
    expect(readFileSync(join(dir, "privkey.pem"), "utf8")).toBe("OLD");
    expect(readdirSync(dir)).toEqual(["privkey.pem"]);
  });
});
