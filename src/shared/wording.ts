// Words shared by the build's initial markup and the live client (French, for the stage).
import type { DemoState } from './events.ts';

export const STATE_LABELS: Record<DemoState, string> = {
  idle: 'à lancer',
  starting: 'démarrage…',
  running: 'en cours…',
  ready: 'opérationnel',
  exited: 'terminé',
  failed: 'échec',
  replaying: 'rejeu',
};
