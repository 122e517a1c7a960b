// The five progressive views of the cluster the talk builds, binary by binary:
// 1 kube-apiserver + etcd, 2 + controller-manager, 3 + scheduler, 4 + a Node with kubelet,
// container runtime and Pods, 5 + the network (CNI) and kube-proxy. What is still to come
// is a grey dashed outline, what the view adds is orange, what was there is Kubernetes blue.

import { createDefaultLayout, STAGE_CAPTIONS } from './architecture-stages.ts';
import type { ArchitectureLayout, ArchitectureStage } from './architecture-stages.ts';
import { renderTallArchitecture, TALL_HEIGHT, TALL_WIDTH } from './architecture-tall.ts';
import { renderWideArchitecture, WIDE_HEIGHT, WIDE_WIDTH } from './architecture-wide.ts';
import { renderText } from './diagram-shapes.ts';
import { PALETTE } from './palette.ts';
import { renderSvgDocument } from './svg-document.ts';

export function renderArchitectureDiagram(stage: ArchitectureStage, layout: ArchitectureLayout = createDefaultLayout(stage)): string {
  const wide = layout === 'wide';
  const width = wide ? WIDE_WIDTH : TALL_WIDTH;
  const height = wide ? WIDE_HEIGHT : TALL_HEIGHT;
  const body = [
    `<rect width="${width}" height="${height}" fill="${PALETTE.paper}"/>`,
    wide ? renderWideArchitecture(stage) : renderTallArchitecture(stage),
    renderText(width / 2, height - 22, `${stage}/5 · ${STAGE_CAPTIONS[stage]}`, { size: 28, weight: 'bold', color: PALETTE.blueDark, anchor: 'middle' }),
  ].join('\n');
  return renderSvgDocument({
    width,
    height,
    title: `Architecture de Kubernetes, étape ${stage} sur 5 : ${STAGE_CAPTIONS[stage]}`,
    body,
  });
}
