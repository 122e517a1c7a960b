// The deck's browser runtime (bundled by the build into one inline <script>): keys that never steal
// Marp's navigation, and the live demo client. Marp's previews (the presenter's `?view=next`
// iframe, the `?view=overview` grid) show the demos' state but never act.
import { startDemoClient } from './demo-client.ts';
import { installKeys } from './keys.ts';
import { detectViewMode } from './view-mode.ts';

export function startClient(): void {
  const view = detectViewMode();
  if (view !== 'next' && view !== 'overview') installKeys();
  void startDemoClient(view);
}

startClient();
