// `demystify images`: the talk's images in containerd's k8s.io namespace, under the names the
// kubelet asks for — pulled when a registry answers, otherwise local stand-ins, said plainly.
import { access, readFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DemystifyError } from '../shared/index.ts';
import {
  APP_IMAGE,
  CONTAINERD_SOCKET,
  PULL_TIMEOUT_MS,
  SANDBOX_IMAGE,
  buildStandInImages,
  createCtrClient,
  detectNodeFacts,
  ensureTalkImages,
  prepareWorkspace,
  resolveWorkspacePaths,
  startContainerd,
  type ContainerdProcess,
} from '../workspace/index.ts';
import { PROJECT_ROOT, PROJECT_WORKSPACE } from './project-root.ts';

const USAGE = `Usage: demystify images [--workspace DIR] [--address SOCKET] [--offline] [--pull-timeout SECONDS] [--force] [--start] [--build-only]

Makes ${SANDBOX_IMAGE} and ${APP_IMAGE} present in containerd's
k8s.io namespace. Pulls them when a registry answers; otherwise builds local stand-ins from
busybox-static (not the upstream images) into <workspace>/images and imports them.

  --workspace DIR         the talk's working directory (default: the project's workspace/)
  --address SOCKET        containerd's socket (default ${CONTAINERD_SOCKET})
  --offline               do not try any registry
  --pull-timeout SECONDS  give up on a registry after this long (default ${PULL_TIMEOUT_MS / 1000})
  --force                 pull or import again even when an image is present
  --start                 start containerd from <workspace>/containerd/config.toml for the import (root)
  --build-only            only build the stand-in archives into <workspace>/images (no containerd needed),
                          for a slide that imports them with \`sudo bin/ctr -n k8s.io images import images/…\`
  --busybox PATH          the static busybox to build stand-ins from (default /bin/busybox)`;

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(() => true, () => false);
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        workspace: { type: 'string', default: PROJECT_WORKSPACE },
        address: { type: 'string' },
        offline: { type: 'boolean', default: false },
        'pull-timeout': { type: 'string' },
        force: { type: 'boolean', default: false },
        start: { type: 'boolean', default: false },
        'build-only': { type: 'boolean', default: false },
        busybox: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new DemystifyError('BAD_INPUT', `${(error as Error).message}\n${USAGE}`);
  }
}

/** The `[grpc] address` of a containerd config we generated. */
async function readConfigAddress(configPath: string): Promise<string | undefined> {
  const text = await readFile(configPath, 'utf8').catch(() => '');
  const match = /\[grpc\]\s*\n\s*address\s*=\s*("(?:[^"\\]|\\.)*")/.exec(text);
  return match?.[1] === undefined ? undefined : (JSON.parse(match[1]) as string);
}

export async function runImagesCommand(args: string[]): Promise<number> {
  const options = parseOptions(args);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const pullTimeoutMs = options['pull-timeout'] === undefined ? PULL_TIMEOUT_MS : Number(options['pull-timeout']) * 1000;
  if (!Number.isFinite(pullTimeoutMs) || pullTimeoutMs <= 0) {
    throw new DemystifyError('BAD_INPUT', `Expected --pull-timeout to be a number of seconds, got "${options['pull-timeout']}".`);
  }
  const paths = resolveWorkspacePaths(options.workspace);
  const workspaceTool = async (name: string): Promise<string> => ((await isExecutable(join(paths.bin, name))) ? join(paths.bin, name) : name);
  const facts = await detectNodeFacts({ workspace: paths.workspace });
  if (options['build-only']) {
    const built = await buildStandInImages({ imagesDir: paths.images, arch: facts.arch, ...(options.busybox === undefined ? {} : { busyboxPath: options.busybox }) });
    for (const { image, path, written } of built) {
      console.log(`${path}: ${image.ref} ${written ? 'built' : 'unchanged'}, a LOCAL STAND-IN built from busybox-static, not the upstream image: ${image.summary}`);
    }
    return 0;
  }
  let address = options.address ?? CONTAINERD_SOCKET;
  let started: ContainerdProcess | undefined;
  if (options.start) {
    if ((process.getuid?.() ?? 0) !== 0) {
      throw new DemystifyError('SUDO_WOULD_PROMPT', 'containerd runs as root: run `sudo npx demystify images --start` (or start the containerd demo and run `demystify images`).');
    }
    await prepareWorkspace({ root: PROJECT_ROOT, workspace: paths.workspace, facts, ...(options.address === undefined ? {} : { address }) });
    address = (await readConfigAddress(paths.containerdConfig)) ?? address;
  }
  const ctr = createCtrClient({ address, ctrPath: await workspaceTool('ctr') });
  try {
    if (options.start && !(await ctr.isAnswering())) {
      const logFile = join(paths.logs, 'containerd-images.log');
      started = await startContainerd({ configPath: paths.containerdConfig, address, logFile, containerdPath: await workspaceTool('containerd') });
      console.log(`started containerd (pid ${started.pid}) on ${address} for the import; log in ${logFile}`);
    }
    if (!(await ctr.isAnswering())) {
      throw new DemystifyError(
        'DEPENDENCY_NOT_READY',
        `containerd is not answering on ${address}. Expected a running containerd (as root): start the containerd demo (\`sudo bin/containerd --config containerd/config.toml\` in ${paths.workspace}), or run \`sudo npx demystify images --start\`.`,
      );
    }
    const ensured = await ensureTalkImages({
      ctr,
      imagesDir: paths.images,
      arch: facts.arch,
      offline: options.offline,
      pullTimeoutMs,
      force: options.force,
      ...(options.busybox === undefined ? {} : { busyboxPath: options.busybox }),
      log: (line) => console.log(line),
    });
    const standIns = ensured.filter((image) => image.standIn);
    if (standIns.length > 0) {
      console.log(
        `Note: ${standIns.length} of ${ensured.length} images are local stand-ins built by demystify from busybox-static, not the upstream images. With network, \`demystify images --force\` pulls the real ones.`,
      );
    }
    return 0;
  } finally {
    if (started !== undefined) {
      await started.stop();
      console.log(`stopped containerd (pid ${started.pid})`);
    }
  }
}
