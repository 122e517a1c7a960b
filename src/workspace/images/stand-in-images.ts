// Builds the stand-in images into workspace/images/*.tar from the machine's busybox-static.
// Rewrites an archive only when its bytes change, so a re-run leaves files untouched.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DemystifyError } from '../../shared/index.ts';
import type { NodeArch } from '../node/node-facts.ts';
import { createOciImageLayout, type OciImageLayout } from './oci-image-layout.ts';
import { parseElfInfo } from './static-elf.ts';
import type { TarEntry } from './tar-archive.ts';
import { STAND_IN_LABEL, TALK_IMAGES, type TalkImage } from './talk-images.ts';

export const BUSYBOX_PATH = '/bin/busybox';
const APPLETS = ['sh', 'httpd', 'hostname', 'sleep', 'cat', 'echo', 'ls', 'ps', 'ip', 'wget', 'timeout'];

export function createStandInRootfs(busybox: Uint8Array): TarEntry[] {
  return [
    ...['bin', 'dev', 'etc', 'proc', 'sys', 'www'].map((path) => ({ type: 'directory' as const, path })),
    { type: 'directory', path: 'tmp', mode: 0o1777 },
    { type: 'file', path: 'bin/busybox', mode: 0o755, content: busybox },
    ...APPLETS.map((applet) => ({ type: 'symlink' as const, path: `bin/${applet}`, target: 'busybox' })),
    { type: 'file', path: 'etc/passwd', content: 'root:x:0:0:root:/:/bin/sh\n' },
    { type: 'file', path: 'etc/group', content: 'root:x:0:\n' },
  ];
}

export function validateBusybox(busybox: Uint8Array, arch: NodeArch, path: string): void {
  const elf = parseElfInfo(busybox);
  if (elf === undefined || !elf.isStatic) {
    throw new DemystifyError(
      'BINARY_MISSING',
      `Expected ${path} to be a statically linked busybox, got ${elf === undefined ? 'a file that is not an ELF executable' : 'a dynamically linked one'}. Install it: sudo apt-get install busybox-static.`,
    );
  }
  if (elf.arch !== arch) {
    throw new DemystifyError('BINARY_WRONG_ARCH', `Expected ${path} built for ${arch}, got ${elf.arch}. Install the busybox-static package of this machine.`);
  }
}

export function createStandInImage(image: TalkImage, busybox: Uint8Array, arch: NodeArch): OciImageLayout {
  return createOciImageLayout({
    ref: image.ref,
    arch,
    rootfs: createStandInRootfs(busybox),
    entrypoint: image.entrypoint,
    exposedPorts: image.exposedPorts,
    labels: { [STAND_IN_LABEL]: 'true', 'org.opencontainers.image.description': image.description },
    description: image.description,
  });
}

export type BuiltStandIn = { image: TalkImage; path: string; manifestDigest: string; written: boolean };

export type BuildStandInImagesOptions = {
  imagesDir: string;
  arch: NodeArch;
  busyboxPath?: string;
  images?: readonly TalkImage[];
};

export async function buildStandInImages(options: BuildStandInImagesOptions): Promise<BuiltStandIn[]> {
  const { imagesDir, arch, busyboxPath = BUSYBOX_PATH, images = TALK_IMAGES } = options;
  const busybox = await readFile(busyboxPath).catch((error: NodeJS.ErrnoException) => {
    throw new DemystifyError('BINARY_MISSING', `Expected busybox-static at ${busyboxPath}, got ${error.code ?? error.message}. Install it: sudo apt-get install busybox-static.`, { cause: error });
  });
  validateBusybox(busybox, arch, busyboxPath);
  await mkdir(imagesDir, { recursive: true });
  const built: BuiltStandIn[] = [];
  for (const image of images) {
    const layout = createStandInImage(image, busybox, arch);
    const path = join(imagesDir, image.archiveName);
    const current = await readFile(path).catch(() => undefined);
    const written = current === undefined || !current.equals(layout.archive);
    if (written) await writeFile(path, layout.archive);
    built.push({ image, path, manifestDigest: layout.manifest.digest, written });
  }
  return built;
}
