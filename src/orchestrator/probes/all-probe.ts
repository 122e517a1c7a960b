// Ready when every probe is ready, checked in order (the first that is not says why).
import type { Probe, ProbeResult } from './probe.ts';
import { probeMessages } from '../stage-messages.ts';

export function createAllProbe(probes: Probe[]): Probe {
  return {
    description: probeMessages.allAwaited(probes.map((probe) => probe.description)),
    async check(context): Promise<ProbeResult> {
      const details: string[] = [];
      for (const probe of probes) {
        const result = await probe.check(context);
        if (!result.ready) return result;
        details.push(result.detail);
      }
      return { ready: true, detail: details.join(' ; ') };
    },
    dispose() {
      for (const probe of probes) probe.dispose?.();
    },
  };
}
