// TurnFlights: concurrent sends of one turn in one container share one run, and a caller whose
// own deadline comes first answers the turn as it last stood (pending) instead of failing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TurnFlights, type Outcome } from '../../velo/backend/chat/turn-flights.js';
import { Deadline } from '../../velo/backend/runtime/deadline.js';
import { Failure } from '../../velo/backend/runtime/failure.js';
import { turnRow } from './support/transcript-store-contract.js';

const clock = { now: () => Date.now() };

describe('TurnFlights', () => {
  it('runs the work once for every caller of one key, and again once it is done', async () => {
    const flights = new TurnFlights(() => new Deadline(clock, 1_000));
    let runs = 0;
    const work = async (): Promise<Outcome> => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { row: turnRow(), failure: null, sitegptCalled: true };
    };
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => flights.run('t', new Deadline(clock, 1_000), work)));
    assert.equal(runs, 1);
    assert.ok(outcomes.every((o) => o.row.status === 'answered'));
    await flights.run('t', new Deadline(clock, 1_000), work);
    assert.equal(runs, 2);
  });

  it('a caller out of time answers the row the run last reported, as pending; with none yet, it fails', async () => {
    const flights = new TurnFlights(() => new Deadline(clock, 1_000));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const work = async (_: Deadline, progress: (row: ReturnType<typeof turnRow>) => void): Promise<Outcome> => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      progress(turnRow({ status: 'failed', answer: null }));
      await held;
      return { row: turnRow(), failure: null, sitegptCalled: true };
    };
    const early = await flights.run('t', new Deadline(clock, 10), work).then(() => 'answered', (e: unknown) => e);
    assert.ok(early instanceof Failure && early.code === 'UPSTREAM_UNAVAILABLE', 'nothing reported yet: a failure');
    const late = await flights.run('t', new Deadline(clock, 80), work);
    assert.equal(late.row.status, 'pending');
    release();
    const joined = await flights.run('t', new Deadline(clock, 1_000), work);
    assert.equal(joined.row.status, 'answered');
  });
});
