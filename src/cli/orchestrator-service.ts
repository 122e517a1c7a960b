// The orchestrator as the server's DemoService: POST /api/run answers once the process runs (its
// readiness then arrives on the event stream), and snapshots may be decorated (binary notices).
import type { Orchestrator } from '../orchestrator/index.ts';
import type { DemoService } from '../server/index.ts';
import type { DemoSnapshot } from '../shared/index.ts';

export function createOrchestratorService(orchestrator: Orchestrator, decorate: (snapshot: DemoSnapshot) => DemoSnapshot = (snapshot) => snapshot): DemoService {
  return {
    get manifest() {
      return orchestrator.manifest;
    },
    run: (id) => orchestrator.run(id, { until: 'started' }),
    stop: (id) => orchestrator.stop(id),
    restart: (id) => orchestrator.restart(id),
    stopAll: () => orchestrator.stopAll(),
    snapshots: () => orchestrator.snapshots().map(decorate),
    subscribe: (listener) => orchestrator.subscribe(listener),
  };
}
