/**
 * The fuzz tests' watchdog (harness/watchdog.ts) does what they rely on: a call stuck in a
 * synchronous loop fails as a hang instead of blocking the test run, an exception comes back with
 * its stack, a runaway allocation kills only the worker, and the next call works again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { HangError, Watchdog } from './harness/watchdog.ts';

const dog = new Watchdog(1500);
/** A small heap, and time enough to fill it on a loaded machine. */
const small = new Watchdog(30_000, 32);
afterAll(() => Promise.all([dog.stop(), small.stop()]));

describe('the fuzz watchdog', { timeout: 60_000 }, () => {
  it('stops a call stuck in an endless loop and reports it as a hang', async () => {
    await dog.start();
    const error = await dog.run('spin').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HangError);
    expect((error as HangError).message).toBe('spin did not return within 1.5 s (input: [])');
    expect(dog.hung).toBe(error);
  });

  it('starts a fresh worker for the next call', async () => {
    expect((await dog.run('decode', new Uint8Array([0x61, 0x3b, 0x62]))).text).toBe('a;b');
  });

  it('returns an exception of the code under test with its stack', async () => {
    await expect(dog.run('fail', 'bad input')).rejects.toThrow(/^threw RangeError: bad input\nRangeError: bad input\n\s+at (Module\.)?fail \(.*tasks\.ts:/);
  });

  it('survives the worker running out of memory', async () => {
    await expect(small.run('exhaustMemory')).rejects.toThrow(/^the worker died: /);
    expect((await small.run('parse', 'a;b\n1;2\n')).columns).toEqual([['1'], ['2']]);
  });
});
