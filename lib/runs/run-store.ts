import { historyProblem, type RunHistory } from "@/lib/history/run-history";
import { isActive, type Run, type RunUpdate } from "./run-state";

export type RunsSnapshot = {
  /** Every run in history and of this page, newest first. */
  runs: readonly Run[];
  /** The runs started or resumed since the page loaded: the run panel shows these. */
  liveIds: ReadonlySet<string>;
  loaded: boolean;
  /** Set once this browser's storage failed: runs are not being kept, and why. */
  historyProblem?: string;
};

export type RunStoreOptions = {
  history?: RunHistory;
  /** Log lines arrive many times a second; history gets them at most this often per run. */
  persistEveryMs?: number;
};

/** The page's runs as React reads them, and their copy in this browser's history. */
export class RunStore {
  private state: RunsSnapshot = { runs: [], liveIds: new Set(), loaded: false };
  private readonly listeners = new Set<() => void>();
  private readonly pendingWrites = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly options: RunStoreOptions = {}) {}

  snapshot = (): RunsSnapshot => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get(id: string): Run | undefined {
    return this.state.runs.find((run) => run.id === id);
  }

  /** A run of this page, shown first and written to history at once. */
  add(run: Run): void {
    this.setState({ runs: [run, ...this.state.runs], liveIds: new Set([...this.state.liveIds, run.id]) });
    this.persist(run.id, true);
  }

  /** Changes a run; history gets it at once when `now`, else within `persistEveryMs`. */
  update(id: string, update: RunUpdate, { now = false } = {}): void {
    const run = this.get(id);
    if (run) this.replace({ ...run, ...update }, { now });
  }

  /** Puts `next` in the place of the run with its id. */
  replace(next: Run, { now = false } = {}): void {
    this.setState({ runs: this.state.runs.map((run) => (run.id === next.id ? next : run)) });
    this.persist(next.id, now);
  }

  /** Adds the runs kept in history (once) and answers those that were still in flight, now live again. */
  async load(): Promise<Run[]> {
    let stored: Run[] = [];
    try {
      stored = (await this.options.history?.list()) ?? [];
    } catch (error) {
      this.historyFailed(error);
    }
    const known = new Set(this.state.runs.map((run) => run.id));
    const fresh = stored.filter((run) => !known.has(run.id));
    const inFlight = fresh.filter(isActive);
    this.setState({
      runs: [...this.state.runs, ...fresh].sort((a, b) => b.startedAt - a.startedAt),
      loaded: true,
      liveIds: new Set([...this.state.liveIds, ...inFlight.map((run) => run.id)]),
    });
    return inFlight;
  }

  async remove(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.cancelWrite(id);
    const removed = new Set(ids);
    this.setState({ runs: this.state.runs.filter((run) => !removed.has(run.id)) });
    await this.options.history?.removeMany(ids).catch(this.historyFailed);
  }

  private cancelWrite(id: string): void {
    clearTimeout(this.pendingWrites.get(id));
    this.pendingWrites.delete(id);
  }

  private persist(id: string, now: boolean): void {
    const { history, persistEveryMs = 300 } = this.options;
    if (!history) return;
    const write = () => {
      this.pendingWrites.delete(id);
      const run = this.get(id);
      if (run) history.put(run).catch(this.historyFailed);
    };
    if (now) {
      this.cancelWrite(id);
      write();
    } else if (!this.pendingWrites.has(id)) {
      this.pendingWrites.set(id, setTimeout(write, persistEveryMs));
    }
  }

  /** Runs go on without storage; the page says they are not being kept. */
  private historyFailed = (error: unknown): void => {
    if (!this.state.historyProblem) this.setState({ historyProblem: historyProblem(error) });
  };

  private setState(patch: Partial<RunsSnapshot>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener());
  }
}
