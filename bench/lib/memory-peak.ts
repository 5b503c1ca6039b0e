// Peak memory of the process it runs in: the OS's peak resident set, and the largest JS heap seen by sampling.

/** Peak memory in MiB. */
export interface MemoryPeak {
  /** The most resident memory the process ever had (getrusage's maxrss). */
  peakRssMiB: number;
  /** The largest `heapUsed` among the samples taken. */
  peakHeapUsedMiB: number;
}

const MIB = 1024 * 1024;

/** Samples `heapUsed` every `intervalMs` and whenever {@link MemoryTracker.sample} is called. */
export interface MemoryTracker {
  sample(): void;
  /** Stops sampling and gives the peaks. */
  stop(): MemoryPeak;
}

/** Starts tracking this process's memory. */
export function trackMemory(intervalMs = 5): MemoryTracker {
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      // maxRSS is in KiB.
      return { peakRssMiB: (process.resourceUsage().maxRSS * 1024) / MIB, peakHeapUsedMiB: peakHeap / MIB };
    },
  };
}
