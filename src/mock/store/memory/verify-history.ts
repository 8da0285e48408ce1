import { OldestFirstMap } from '../../bounds/oldest-first-map';
import { stringBytes } from '../../bounds/heap-estimate';
import {
  DEFAULT_VERIFY_HISTORY_BYTES,
  DEFAULT_VERIFY_HISTORY_RUNS,
  type VerifyHistory,
  type VerifyHistoryUsage,
  type VerifyRunRecord,
  type VerifyRunSummary,
} from '../verify-history';

/** A kept run: its summary for lists, and the whole record as JSON text (immutable, and its size is its cost). */
interface Kept {
  summary: VerifyRunSummary;
  text: string;
  bytes: number;
}

/**
 * The history in memory (the default adapter): oldest first, bounded in runs and in bytes (each run
 * counted as the JSON text it is kept as); past either bound the oldest runs are dropped. A run is
 * stored as text so that nothing a caller holds can change it afterwards.
 */
export class MemoryVerifyHistory implements VerifyHistory {
  private readonly runs = new OldestFirstMap<string, Kept>();
  private bytes = 0;
  private dropped = 0;

  constructor(
    private readonly maxRuns: number = DEFAULT_VERIFY_HISTORY_RUNS,
    private readonly maxBytes: number = DEFAULT_VERIFY_HISTORY_BYTES,
  ) {}

  async add(run: VerifyRunRecord): Promise<void> {
    const text = JSON.stringify(run);
    const bytes = stringBytes(text);
    this.forget(run.id);
    // A run larger than the whole budget is not kept; older runs stay.
    if (bytes > this.maxBytes || this.maxRuns < 1) {
      this.dropped += 1;
      return;
    }
    const { config: _config, progress: _progress, report: _report, ...summary } = run;
    this.runs.set(run.id, { summary, text, bytes });
    this.bytes += bytes;
    while (this.runs.size > this.maxRuns || this.bytes > this.maxBytes) {
      const oldest = this.runs.oldest(run.id);
      if (!oldest) break;
      this.forget(oldest[0]);
      this.dropped += 1;
    }
  }

  async get(id: string): Promise<VerifyRunRecord | undefined> {
    const kept = this.runs.get(id);
    return kept ? (JSON.parse(kept.text) as VerifyRunRecord) : undefined;
  }

  async list(): Promise<VerifyRunSummary[]> {
    return [...this.runs.values()].map((kept) => ({ ...kept.summary })).reverse();
  }

  async usage(): Promise<VerifyHistoryUsage> {
    return {
      runs: this.runs.size,
      bytes: this.bytes,
      maxRuns: this.maxRuns,
      maxBytes: this.maxBytes,
      dropped: this.dropped,
    };
  }

  private forget(id: string): void {
    const kept = this.runs.get(id);
    if (!kept) return;
    this.runs.delete(id);
    this.bytes -= kept.bytes;
  }
}
