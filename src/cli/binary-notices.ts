// When a pinned binary is absent and an installed one stands in, the slide says so: one short
// French note per demo naming each stand-in's version and the pinned one.
import type { ResolvedBinary } from '../binaries/index.ts';
import type { DemoManifest } from '../shared/index.ts';

const WORKSPACE_BINARY = /\bbin\/([A-Za-z0-9._-]+)/g;

export function renderBinaryNotice(binary: ResolvedBinary): string {
  const installed = binary.version ? `${binary.name} ${binary.version}` : binary.name;
  return `${installed} (installé sur cette machine) au lieu de ${binary.pinnedVersion}`;
}

/** demo id → note, for the demos whose command runs a stand-in (`source: 'system'`). */
export function createBinaryNotices(manifest: DemoManifest, binaries: readonly ResolvedBinary[]): Map<string, string> {
  const byName = new Map(binaries.map((binary) => [binary.name, binary]));
  const notices = new Map<string, string>();
  for (const demo of manifest.demos) {
    const names = new Set([...demo.command.matchAll(WORKSPACE_BINARY)].map((match) => match[1] as string));
    const notes = [...names].map((name) => byName.get(name)).filter((binary): binary is ResolvedBinary => binary?.source === 'system').map(renderBinaryNotice);
    if (notes.length > 0) notices.set(demo.id, notes.join(' · '));
  }
  return notices;
}
