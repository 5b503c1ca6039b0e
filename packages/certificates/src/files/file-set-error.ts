/** Why {@link FileSetError} refused a write: files already there, or a folder that is not one or cannot be made. */
export type FileSetProblem = "exists" | "not-a-folder" | "cannot-make-folder";

/**
 * A set of files that was not written, for a reason the caller can act on; nothing of the set is left behind. Other
 * failures (no permission, a full disk) are the file system's own errors, after which nothing is left behind either.
 */
export class FileSetError extends Error {
  override readonly name = "FileSetError";
  /** What stood in the way. */
  readonly problem: FileSetProblem;
  /** The files that exist (`exists`), or the folder (otherwise). */
  readonly paths: readonly string[];

  constructor(problem: FileSetProblem, paths: readonly string[], message: string) {
    super(message);
    this.problem = problem;
    this.paths = paths;
  }
}
