import { homedir } from "node:os";
import { isAbsolute, relative, sep } from "node:path";

/** A path as the text output shows it: relative to the working directory when it is inside it, else as it is. */
export function shownPath(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  return inside !== "" && inside !== ".." && !inside.startsWith(`..${sep}`) && !isAbsolute(inside) ? inside : path;
}

/** A path under the home folder written from `~`, as a person knows it. */
export function homeRelative(path: string): string {
  const home = homedir();
  return path.startsWith(`${home}${sep}`) ? `~${path.slice(home.length)}` : path;
}
