// What both pages do with their outcome: write it into #result as JSON, with data-state saying whether it is done,
// so the test (and a person looking at the screenshot) reads the same thing.

/** Runs a page's work and shows what came of it. */
export async function showResult(work: () => Promise<Record<string, unknown>>): Promise<void> {
  const output = document.querySelector<HTMLElement>("#result")!;
  try {
    const result = await work();
    output.textContent = JSON.stringify(result, null, 2);
    output.dataset.state = "done";
  } catch (problem) {
    const error = problem as { name?: string; code?: string; message?: string };
    output.textContent = JSON.stringify(
      { failed: error.name ?? "Error", code: error.code, message: error.message ?? String(problem) },
      null,
      2,
    );
    output.dataset.state = "failed";
  }
}
