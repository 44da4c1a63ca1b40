/** What a progress bar shows: done out of total (bytes, rows…), and extra counters. */
export interface ProgressState {
  done: number;
  total: number | undefined;
  extra: string;
}

const fmt = (n: number): string =>
  n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e4 ? `${Math.round(n / 1e3)}k` : String(Math.round(n));

const eta = (seconds: number): string => {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return m >= 60
    ? `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`
    : `${m}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * A one-line progress bar on stderr with rate and ETA, redrawn at most 10 times a second; silent
 * when stderr is not a terminal (logs and CI get the final summary only).
 */
export class ProgressBar {
  private readonly started = performance.now();
  private lastDraw = 0;
  private readonly tty: boolean;

  constructor(
    private readonly label: string,
    private readonly unit: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = stream.isTTY;
  }

  /** Show the current state (throttled). */
  update(state: ProgressState, rateCount: number, rateUnit: string): void {
    if (!this.tty) return;
    const now = performance.now();
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const elapsed = (now - this.started) / 1000;
    const rate = rateCount / Math.max(elapsed, 1e-3);
    const width = 24;
    let bar = '';
    let tail = '';
    if (state.total && state.total > 0) {
      const frac = Math.min(1, state.done / state.total);
      const filled = Math.round(frac * width);
      bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% `;
      const remaining = frac > 0 ? (elapsed / frac) * (1 - frac) : Number.NaN;
      tail = ` ETA ${eta(remaining)}`;
    }
    const line = `${this.label} ${bar}${fmt(state.done)}${state.total ? `/${fmt(state.total)}` : ''} ${this.unit} · ${fmt(rate)} ${rateUnit}/s${tail} ${state.extra}`;
    this.stream.write(
      `\r${line.slice(0, (this.stream.columns || 120) - 1).padEnd(Math.min(this.stream.columns || 120, 120) - 1)}`,
    );
  }

  /** Clear the bar's line. */
  done(): void {
    if (this.tty) this.stream.write('\r\u001b[2K');
  }
}
