// Every word the audience reads, in one place (French, for the stage).
export { STATE_LABELS } from '../shared/index.ts';

export const LABELS = {
  run: '▶ Lancer',
  rerun: '↻ Relancer',
  stop: '■ Arrêter',
  follow: '⇣ suivre la sortie',
  connectionLost: 'Connexion perdue avec l’orchestrateur — reconnexion…',
  secretRefused: 'L’orchestrateur a redémarré : ouvrez l’adresse « Deck: » qu’il vient d’afficher, cette page suivra.',
  offline: 'Démo live indisponible ici : lancez « npm start » pour l’exécuter.',
  replayBadge: 'REJEU — enregistrement',
  clusterTitle: 'cluster',
  hiddenLines: (count: number): string => `${count.toLocaleString('fr-FR')} ligne${count > 1 ? 's' : ''} plus ancienne${count > 1 ? 's' : ''} masquée${count > 1 ? 's' : ''}`,
  exited: (code: number | undefined, durationMs: number | undefined): string => {
    const duration = durationMs === undefined ? '' : ` · ${(durationMs / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s`;
    return code === undefined ? `terminé${duration}` : `code de sortie ${code}${duration}`;
  },
  stopped: (signal: string | undefined): string => (signal ? `arrêté (${signal})` : 'arrêté'),
} as const;
