// `npm run bench`: every bench in turn, each printing its figures against its own baseline measured
// in the same run. Add a bench to the list.
import type { Bench } from './bench.ts';
import { deckBuildBench } from './deck-build.ts';
import { liveBench } from './live-bench.ts';
import { readyBench } from './ready-bench.ts';

const BENCHES: readonly Bench[] = [deckBuildBench, liveBench, readyBench];

for (const bench of BENCHES) {
  console.log(`\n# ${bench.name}`);
  await bench.run();
}
