import { FileSetError } from "@certkit/certificates/files";
import { UsageError } from "../usage-error.js";

/**
 * Runs a write of files, telling the user what to do when it is refused: a refused write left nothing behind, and
 * what stood in the way is theirs to change (`--force`, another `--out`).
 * @throws UsageError for a {@link FileSetError}; any other error as it is.
 */
export async function writeOrExplain<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof FileSetError)) throw error;
    throw new UsageError(error.problem === "exists" ? `${error.message} (add --force to replace)` : error.message);
  }
}
