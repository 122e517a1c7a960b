// The deck's browser runtime (bundled by the build into one inline <script>). For now: keys only;
// the live client (buttons, event stream, terminal) plugs in here. Inert in Marp's previews: the
// presenter's `?view=next` iframe and the `?view=overview` grid show slides, they never act.
import { installKeys } from './keys.ts';

const PREVIEW_VIEWS: ReadonlySet<string> = new Set(['next', 'overview']);

export function isPreviewView(location: Location = window.location): boolean {
  return PREVIEW_VIEWS.has(new URLSearchParams(location.search).get('view') ?? '');
}

export function startClient(): void {
  if (isPreviewView()) return;
  installKeys();
}

startClient();
