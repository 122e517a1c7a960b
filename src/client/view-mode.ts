// Which window this is: the audience deck, Marp's presenter view, or its `?view=next` preview
// and overview grid (which must stay inert: they show, they never start anything).
export type ViewMode = 'deck' | 'presenter' | 'next' | 'overview';

export function detectViewMode(location: Location = window.location): ViewMode {
  const view = new URLSearchParams(location.search).get('view');
  if (view === 'next') return 'next';
  if (view === 'overview') return 'overview';
  if (view === 'presenter') return 'presenter';
  return 'deck';
}
