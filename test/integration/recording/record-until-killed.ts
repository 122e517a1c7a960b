// Child process for the atomic-write test: records output into `<dir>/etcd.cast` forever,
// prints `writing <tempPath>` once its temp file holds more than 256 KB, and waits to be killed.

import { stat } from 'node:fs/promises';
import { createCastRecorder } from '../../../src/recording/index.ts';

const ANNOUNCE_AFTER_BYTES = 256 * 1024;
const dir = process.argv[2];
if (!dir) throw new Error('usage: record-until-killed.ts <dir>');

const recorder = createCastRecorder({ dir, demoId: 'etcd', title: 'killed mid-write' });
let t = 0;
let announced = false;
const line = `${'new output that must never reach the final file '.repeat(20)}\r\n`;

setInterval(() => {
  for (let index = 0; index < 50; index += 1) {
    t += 0.001;
    recorder.record({ type: 'output', demoId: 'etcd', runId: 'run-1', t, data: line });
  }
  if (announced) return;
  void stat(recorder.tempPath).then(
    (info) => {
      if (info.size > ANNOUNCE_AFTER_BYTES && !announced) {
        announced = true;
        process.stdout.write(`writing ${recorder.tempPath}\n`);
      }
    },
    () => undefined,
  );
}, 5);
