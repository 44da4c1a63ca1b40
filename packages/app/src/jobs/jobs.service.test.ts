import { invalid, operatorActor } from '@clew/core';
import { describe, expect, it } from 'vitest';
import { JobsService } from './jobs.service.js';

describe('JobsService', () => {
  const alice = operatorActor('alice');
  const bob = operatorActor('bob');

  it('runs jobs one at a time in order, with their progress and outcome', async () => {
    const order: string[] = [];
    const jobs = new JobsService<{ n: number }, string>();
    let release = (): void => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const a = jobs.submit(alice, 'test', async (report) => {
      order.push('a start');
      report({ n: 1 });
      await gate;
      order.push('a end');
      return 'A';
    });
    const b = jobs.submit(alice, 'test', () => {
      order.push('b');
      return Promise.resolve('B');
    });
    expect(a.status).toBe('queued');
    await Promise.resolve();
    await Promise.resolve();
    expect(jobs.get(alice, a.id)).toMatchObject({ status: 'running', progress: { n: 1 } });
    expect(jobs.get(alice, b.id).status).toBe('queued');
    release();
    await jobs.idle();
    expect(order).toEqual(['a start', 'a end', 'b']);
    expect(jobs.get(alice, a.id)).toMatchObject({ status: 'done', result: 'A' });
    expect(jobs.get(alice, b.id)).toMatchObject({ status: 'done', result: 'B' });
  });

  it("hides a job from everyone but its owner, and reports failures without a bug's detail", async () => {
    const logged: string[] = [];
    const jobs = new JobsService<never, never>(200, 3_600_000, (id) => logged.push(id));
    const bad = jobs.submit(alice, 'test', () => Promise.reject(invalid('row 3: no such column')));
    const bug = jobs.submit(alice, 'test', () => Promise.reject(new TypeError('secret value in message')));
    let cleaned = 0;
    jobs.submit(
      alice,
      'test',
      () => Promise.reject(new Error('x')),
      () => {
        cleaned++;
        return Promise.resolve();
      },
    );
    await jobs.idle();
    expect(() => jobs.get(bob, bad.id)).toThrow(`no job "${bad.id}"`);
    expect(jobs.get(alice, bad.id)).toMatchObject({
      status: 'failed',
      error: { code: 'Invalid', message: 'row 3: no such column' },
    });
    expect(jobs.get(alice, bug.id).error).toEqual({ code: 'Internal', message: 'internal error' });
    expect(logged).toContain(bug.id);
    expect(cleaned).toBe(1);
  });
});
