// Makes the talk's images present in containerd's `k8s.io` namespace (the one CRI uses), under
// the exact names the kubelet asks for: pulled when a registry answers, otherwise the local
// stand-ins imported — and then said plainly, because they are not the upstream images.
import { DemystifyError } from '../../shared/index.ts';
import { renderFirstLine } from '../command-runner.ts';
import type { CtrClient } from '../containerd/ctr-client.ts';
import type { NodeArch } from '../node/node-facts.ts';
import { buildStandInImages, type BuiltStandIn } from './stand-in-images.ts';
import { STAND_IN_LABEL, TALK_IMAGES, type TalkImage } from './talk-images.ts';

export const CRI_NAMESPACE = 'k8s.io';
export const PULL_TIMEOUT_MS = 20_000;

export type ImageSource = 'present' | 'pulled' | 'stand-in';
export type EnsuredImage = { ref: string; source: ImageSource; standIn: boolean; message: string };

export type EnsureTalkImagesOptions = {
  ctr: CtrClient;
  imagesDir: string;
  arch: NodeArch;
  busyboxPath?: string;
  /** Do not try any registry (on stage, in tests). */
  offline?: boolean;
  pullTimeoutMs?: number;
  /** Pull or import again even when the image is present. */
  force?: boolean;
  images?: readonly TalkImage[];
  log?: (line: string) => void;
};

const STAND_IN_WARNING = 'LOCAL STAND-IN, not the upstream image';

export async function ensureTalkImages(options: EnsureTalkImagesOptions): Promise<EnsuredImage[]> {
  const { ctr, imagesDir, arch, busyboxPath, offline = false, pullTimeoutMs = PULL_TIMEOUT_MS, force = false } = options;
  const { images = TALK_IMAGES, log = () => {} } = options;
  const namespace = CRI_NAMESPACE;
  let standIns: BuiltStandIn[] | undefined;
  const ensured: EnsuredImage[] = [];
  const report = (image: EnsuredImage): void => {
    ensured.push(image);
    log(`${image.ref}: ${image.message}`);
  };
  for (const image of images) {
    const present = (await ctr.listImages(namespace)).find((candidate) => candidate.ref === image.ref);
    if (present !== undefined && !force) {
      const standIn = present.labels[STAND_IN_LABEL] === 'true';
      report({ ref: image.ref, source: 'present', standIn, message: `already present${standIn ? ` (${STAND_IN_WARNING})` : ''}` });
      continue;
    }
    let unreachable = 'offline mode, no registry tried';
    if (!offline) {
      const pulled = await ctr.invoke(['images', 'pull', '--platform', `linux/${arch}`, image.ref], { namespace, timeoutMs: pullTimeoutMs });
      if (pulled.exitCode === 0) {
        await ctr.invoke(['images', 'label', image.ref, `${STAND_IN_LABEL}=`], { namespace });
        report({ ref: image.ref, source: 'pulled', standIn: false, message: 'pulled from its registry' });
        continue;
      }
      unreachable = pulled.timedOut ? `no registry answer within ${pullTimeoutMs / 1000} s` : `pull failed: ${renderFirstLine(pulled.stderr)}`;
    }
    standIns ??= await buildStandInImages({ imagesDir, arch, images, ...(busyboxPath === undefined ? {} : { busyboxPath }) });
    const archive = standIns.find((built) => built.image.ref === image.ref)!;
    await ctr.call(['images', 'import', archive.path], { namespace });
    await ctr.call(['images', 'label', image.ref, `${STAND_IN_LABEL}=true`], { namespace });
    report({
      ref: image.ref,
      source: 'stand-in',
      standIn: true,
      message: `${unreachable}; imported a ${STAND_IN_WARNING}, built from busybox-static: ${image.summary} (${archive.path})`,
    });
  }
  const names = new Set((await ctr.listImages(namespace)).map((candidate) => candidate.ref));
  const missing = images.filter((image) => !names.has(image.ref));
  if (missing.length > 0) {
    throw new DemystifyError('INTERNAL', `Expected ${missing.map((image) => image.ref).join(', ')} in containerd namespace ${namespace} after import, got none. Check \`ctr --address ${ctr.address} -n ${namespace} images ls\`.`);
  }
  return ensured;
}
