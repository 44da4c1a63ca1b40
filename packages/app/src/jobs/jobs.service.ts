import { randomUUID } from 'node:crypto';
import { ClewError, notFound, type Actor, type ErrorCode } from '@clew/core';
import { actorName } from '../ingest/import-runs.js';

/** Where a job is. */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** A job as its owner sees it: status, counters so far, and the outcome once it ends. */
export interface Job<P, R> {
  id: string;
  kind: string;
  status: JobStatus;
  createdAt: string;
  startedAt: string | undefined;
  finishedAt: string | undefined;
  /** Seconds spent running (so far, or in all). */
  seconds: number;
  progress: P | undefined;
  result: R | undefined;
  /** Why it failed: a domain error's code and message; anything else is an internal error. */
  error: { code: ErrorCode | 'Internal'; message: string } | undefined;
}

// The error's kind and where it was thrown, never its message (which may quote a cell or a value).
const logInternalError = (jobId: string, e: unknown): void => {
  const where = e instanceof Error ? (e.stack ?? '').split('\n').slice(1).join('\n') : '';
  process.stderr.write(`job ${jobId} failed: ${e instanceof Error ? e.name : typeof e}\n${where}\n`);
};

interface Entry<P, R> {
  job: Job<P, R>;
  owner: string;
  started: number;
}

/** What a job runs: its work, told how to report progress. */
export type JobWork<P, R> = (report: (progress: P) => void) => Promise<R>;

/**
 * Long work (an uploaded table's import) run in the background, one job at a time in submission
 * order, its status kept in memory for its owner to poll. A restart forgets the jobs (the imports
 * table keeps every run, and a table import resumes when it is sent again); finished jobs are kept
 * for an hour, at most `keep` of them.
 */
export class JobsService<P, R> {
  private readonly jobs = new Map<string, Entry<P, R>>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly keep = 200,
    private readonly keepMs = 60 * 60 * 1000,
    /** Told of internal errors (bugs), which the job itself reports only as "internal error". */
    private readonly onInternalError: (jobId: string, error: unknown) => void = logInternalError,
  ) {}

  /** Queue `work` as a job of `actor`'s; `cleanup` runs after it ends, however it ends. */
  submit(actor: Actor, kind: string, work: JobWork<P, R>, cleanup?: () => Promise<void>): Job<P, R> {
    this.prune();
    const entry: Entry<P, R> = {
      owner: actorName(actor),
      started: 0,
      job: {
        id: randomUUID(),
        kind,
        status: 'queued',
        createdAt: new Date().toISOString(),
        startedAt: undefined,
        finishedAt: undefined,
        seconds: 0,
        progress: undefined,
        result: undefined,
        error: undefined,
      },
    };
    this.jobs.set(entry.job.id, entry);
    this.queue = this.queue.then(() => this.run(entry, work, cleanup));
    return { ...entry.job };
  }

  /** A job of the actor's; someone else's job is "not found", as a missing one is. */
  get(actor: Actor, id: string): Job<P, R> {
    const entry = this.jobs.get(id);
    if (!entry || entry.owner !== actorName(actor)) throw notFound(`no job "${id}"`);
    const job = entry.job;
    const seconds = job.status === 'running' ? (performance.now() - entry.started) / 1000 : job.seconds;
    return { ...job, seconds };
  }

  /** Wait until every job submitted so far has ended (for tests and shutdown). */
  async idle(): Promise<void> {
    await this.queue;
  }

  private async run(entry: Entry<P, R>, work: JobWork<P, R>, cleanup?: () => Promise<void>): Promise<void> {
    const job = entry.job;
    job.status = 'running';
    job.startedAt = new Date().toISOString();
    entry.started = performance.now();
    try {
      job.result = await work((progress) => {
        job.progress = progress;
      });
      job.status = 'done';
    } catch (e) {
      job.status = 'failed';
      // Internal errors keep their detail out of the job (it may quote data): logged without it.
      if (e instanceof ClewError) job.error = { code: e.code, message: e.message };
      else {
        job.error = { code: 'Internal', message: 'internal error' };
        this.onInternalError(job.id, e);
      }
    } finally {
      job.seconds = (performance.now() - entry.started) / 1000;
      job.finishedAt = new Date().toISOString();
      await cleanup?.().catch(() => undefined);
    }
  }

  private prune(): void {
    const now = Date.now();
    const ended = [...this.jobs.values()].filter((e) => e.job.finishedAt !== undefined);
    for (const [i, e] of ended.entries()) {
      const age = now - Date.parse(e.job.finishedAt ?? '');
      if (age > this.keepMs || ended.length - i > this.keep) this.jobs.delete(e.job.id);
    }
  }
}
