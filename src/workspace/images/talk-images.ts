// The images the talk's node needs, by the exact names CRI asks containerd for, and the local
// stand-ins we build when no registry answers. A stand-in is NOT the upstream image: it is
// busybox-static doing the same visible job, and every place that shows it says so.
import { SANDBOX_IMAGE } from '../containerd/containerd-config.ts';

export const APP_IMAGE = 'docker.io/zwindler/vhelloworld:latest';
export const APP_PORT = 8081;
export const STAND_IN_LABEL = 'io.demystify.stand-in';

export type TalkImage = {
  ref: string;
  /** File name under workspace/images/. */
  archiveName: string;
  /** What the stand-in does, in a few words, for the terminal. */
  summary: string;
  /** What it does and what it replaces, for the image's own annotations and labels. */
  description: string;
  entrypoint: readonly string[];
  exposedPorts: readonly number[];
};

// PID 1 in a container ignores SIGTERM unless it installs a handler; busybox httpd and sleep do
// not, so a shell traps TERM and exits at once: pod deletion does not wait out the grace period.
const trapTerm = (body: string): string[] => ['/bin/busybox', 'sh', '-c', `trap "exit 0" TERM INT; ${body}`];

const APP_SUMMARY = `busybox httpd on port ${APP_PORT}, GET / answers "Hello from host: <hostname>"`;
const PAUSE_SUMMARY = 'a busybox shell holding the pod namespaces, exits on SIGTERM';
const describeStandIn = (replaced: string, summary: string): string =>
  `local stand-in for ${replaced} built by demystify from busybox-static (not the upstream image): ${summary}`;

export const APP_STAND_IN: TalkImage = {
  ref: APP_IMAGE,
  archiveName: 'vhelloworld.tar',
  summary: APP_SUMMARY,
  description: describeStandIn('zwindler/vhelloworld', APP_SUMMARY),
  entrypoint: trapTerm(
    `echo "Hello from host: $(/bin/busybox hostname)" > /www/index.html; /bin/busybox httpd -f -p ${APP_PORT} -h /www & wait`,
  ),
  exposedPorts: [APP_PORT],
};

export const PAUSE_STAND_IN: TalkImage = {
  ref: SANDBOX_IMAGE,
  archiveName: 'pause.tar',
  summary: PAUSE_SUMMARY,
  description: describeStandIn('the Kubernetes pause image', PAUSE_SUMMARY),
  entrypoint: trapTerm('while :; do /bin/busybox sleep 3600 & wait; done'),
  exposedPorts: [],
};

/** In the order a node needs them: the sandbox first. */
export const TALK_IMAGES: readonly TalkImage[] = [PAUSE_STAND_IN, APP_STAND_IN];
