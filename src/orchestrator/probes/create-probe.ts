// The probe a demo declares (ProbeSpec, pure data from the deck) → a probe value. A fresh value per
// run: a log probe follows one run's output.
import type { ProbeSpec } from '../../shared/index.ts';
import { createCommandProbe } from './command-probe.ts';
import { createSocketProbe, createTcpProbe } from './connect-probe.ts';
import { createHttpProbe } from './http-probe.ts';
import { createLogProbe } from './log-probe.ts';
import type { Probe } from './probe.ts';

export function createProbe(spec: ProbeSpec): Probe {
  switch (spec.type) {
    case 'http':
      return createHttpProbe(spec);
    case 'tcp':
      return createTcpProbe(spec.host, spec.port);
    case 'socket':
      return createSocketProbe(spec.path);
    case 'log':
      return createLogProbe(spec.pattern);
    case 'command':
      return createCommandProbe(spec.command);
  }
}
