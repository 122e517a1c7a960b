// The words a demo block shows before the client takes over (French, for the stage).
// The client owns the live wording (src/client/labels.ts); these are the initial markup only.

export const BLOCK_WORDING = {
  run: '▶ Lancer',
  stop: '■ Arrêter',
  runHint: 'Lancer la démo (touche r)',
  stopHint: 'Arrêter la démo',
  idleStatus: 'prêt',
  outputLabel: (title: string): string => `Sortie : ${title}`,
  /** Shown by CSS in an empty output area: static exports, and the live deck before a run. */
  outputPlaceholder: 'Zone de démo en direct · la sortie s’affiche ici',
} as const;
