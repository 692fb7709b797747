/**
 * Worker thread of the fuzz watchdog (watchdog.ts): loads tasks.ts through tsx and runs the calls
 * it receives. Plain JavaScript because Node starts it directly, outside vitest's transform.
 */
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const tasks = await tsImport('./tasks.ts', import.meta.url);

parentPort.on('message', async ({ id, task, args }) => {
  try {
    const value = await tasks[task](...args);
    parentPort.postMessage({ id, ok: true, value });
  } catch (e) {
    parentPort.postMessage({ id, ok: false, error: { name: e?.name, message: String(e?.message ?? e), stack: String(e?.stack ?? '') } });
  }
});
parentPort.postMessage({ ready: true });
