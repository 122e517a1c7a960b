// Table of contents of every image the deck refers to (slides/binaries/<file>): which
// generator draws it, from what. scripts/make-images.ts writes them; the deck tests check
// that the deck and this list agree and that the committed files are up to date.

import { siBluesky, siCilium, siContainerd, siCreativecommons, siDocker, siEtcd, siKubernetes, siMastodon, siX } from 'simple-icons';
import { renderAppDiagram } from './app-diagram.ts';
import { renderApisDiagram } from './apis-diagram.ts';
import { renderArchitectureDiagram } from './architecture-diagram.ts';
import { ARCHITECTURE_STAGES } from './architecture-stages.ts';
import { renderCcBySaBadge } from './cc-badge.ts';
import { renderContainerDiagram } from './container-diagram.ts';
import { renderDemoCard } from './demo-card.ts';
import { renderDeploymentDiagram } from './deployment-diagram.ts';
import { renderIptablesRules } from './iptables-rules.ts';
import { renderLogo, renderLogoBadge, renderNameBadge } from './logo-badge.ts';
import { renderNetworkDiagram } from './network-diagram.ts';
import { renderNodesPodsDiagram } from './nodes-pods-diagram.ts';
import { renderPlaceholder } from './placeholder.ts';
import { renderYamlSvg, splitYamlLines } from './yaml-svg.ts';

/** How an image is made; `placeholder` files may be replaced by the speaker. */
export type ImageKind = 'diagram' | 'yaml' | 'logo' | 'placeholder';

export interface ImageEntry {
  /** File name in slides/binaries/. */
  file: string;
  kind: ImageKind;
  render: () => string;
}

/** The manifests in demos/ that the deck shows as code, in slide order. */
export const YAML_MANIFESTS = ['deploy.yaml', 'service.yaml', 'ingress.yaml'] as const;

export type YamlManifest = (typeof YAML_MANIFESTS)[number];

export interface ImageCatalogOptions {
  /** Reads demos/<file> (injected: the catalog itself touches no file). */
  readManifest: (file: YamlManifest) => string;
}

function createYamlEntries(readManifest: ImageCatalogOptions['readManifest']): ImageEntry[] {
  const sources = YAML_MANIFESTS.map((file) => ({ file, source: readManifest(file) }));
  // Shown side by side at one height: the same row count gives them the same font size.
  const minRows = Math.max(...sources.map(({ source }) => splitYamlLines(source).length));
  return sources.map(({ file, source }) => ({
    file: `${file}.svg`,
    kind: 'yaml',
    render: () => renderYamlSvg({ fileName: file, source, minRows }),
  }));
}

const DIAGRAMS: ImageEntry[] = [
  ...ARCHITECTURE_STAGES.map((stage): ImageEntry => ({
    file: `kube-architecture-${stage}.svg`,
    kind: 'diagram',
    render: () => renderArchitectureDiagram(stage),
  })),
  { file: 'kube-network.svg', kind: 'diagram', render: renderNetworkDiagram },
  { file: 'nodes-pods.svg', kind: 'diagram', render: renderNodesPodsDiagram },
  { file: 'deployment.svg', kind: 'diagram', render: renderDeploymentDiagram },
  { file: 'app.svg', kind: 'diagram', render: renderAppDiagram },
  { file: 'apis.svg', kind: 'diagram', render: renderApisDiagram },
  { file: 'container.svg', kind: 'diagram', render: renderContainerDiagram },
  { file: 'iptables-rules.svg', kind: 'diagram', render: renderIptablesRules },
  { file: 'demo.svg', kind: 'diagram', render: renderDemoCard },
];

const LOGOS: ImageEntry[] = [
  { file: 'kubernetes_small.svg', kind: 'logo', render: () => renderLogo(siKubernetes) },
  { file: 'etcd.svg', kind: 'logo', render: () => renderLogo(siEtcd) },
  { file: 'docker.svg', kind: 'logo', render: () => renderLogo(siDocker) },
  { file: 'containerd.svg', kind: 'logo', render: () => renderLogo(siContainerd) },
  { file: 'x-twitter.svg', kind: 'logo', render: () => renderLogo(siX) },
  { file: 'mastodon.svg', kind: 'logo', render: () => renderLogo(siMastodon) },
  { file: 'bluesky.svg', kind: 'logo', render: () => renderLogo(siBluesky) },
  { file: 'cc-by-sa-40.svg', kind: 'logo', render: () => renderCcBySaBadge(siCreativecommons) },
  { file: 'cilium.svg', kind: 'logo', render: () => renderLogoBadge(siCilium, 'Cilium') },
  { file: 'docker-swarm.svg', kind: 'logo', render: () => renderLogoBadge(siDocker, 'Docker Swarm') },
  // Not in simple-icons: neutral badges.
  { file: 'calico.svg', kind: 'logo', render: () => renderNameBadge('Calico') },
  { file: 'flannel.svg', kind: 'logo', render: () => renderNameBadge('Flannel') },
  { file: 'mesos-marathon.svg', kind: 'logo', render: () => renderNameBadge('Mesos Marathon') },
  { file: 'windows.svg', kind: 'logo', render: () => renderNameBadge('Windows') },
];

const PLACEHOLDERS: ImageEntry[] = [
  { file: 'denis.svg', title: 'Photo de l’orateur', width: 600, height: 800, glyph: 'person' as const },
  { file: 'grumpy.svg', title: 'Mème : Grumpy Cat', width: 400, height: 400, glyph: 'picture' as const },
  { file: 'i-want-to-play-a-game.svg', title: 'Mème : « I want to play a game »', width: 600, height: 900, glyph: 'picture' as const },
  { file: 'thereisnospoon.svg', title: 'Mème : « There is no spoon »', width: 640, height: 360, glyph: 'picture' as const },
].map(({ file, ...rest }) => ({ file, kind: 'placeholder' as const, render: () => renderPlaceholder({ file, ...rest }) }));

export function createImageCatalog(options: ImageCatalogOptions): ImageEntry[] {
  return [...DIAGRAMS, ...createYamlEntries(options.readManifest), ...LOGOS, ...PLACEHOLDERS];
}
