// Which window this is: the audience deck, Marp's presenter view, or its `?view=next` preview
// (which must stay inert: it shows, it never starts anything).
export type ViewMode = 'deck' | 'presenter' | 'next';

export function detectViewMode(location: Location = window.location): ViewMode {
  const view = new URLSearchParams(location.search).get('view');
  if (view === 'next') return 'next';
  if (view === 'presenter') return 'presenter';
  return 'deck';
}
