import { describe, expect, it } from 'vitest';
import { parseMountPoints, selectMountsUnder } from '../../../src/workspace/index.ts';

const MOUNTINFO = [
  '22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw',
  '42 27 254:0 /run/netns /run/netns rw,relatime shared:1 - ext4 /dev/vda rw',
  '301 22 0:60 / /tmp/ws/containerd/state/io.containerd.runtime.v2.task/k8s.io/app/rootfs rw - overlay overlay rw',
  '302 22 0:61 / /tmp/ws/containerd/state/io.containerd.runtime.v2.task/k8s.io/app/rootfs/dev rw - tmpfs tmpfs rw',
  '303 22 0:62 / /tmp/ws\\040two/x rw - tmpfs tmpfs rw',
  '304 22 0:63 / /tmp/wsx/y rw - tmpfs tmpfs rw',
].join('\n');

describe('mounts under a directory', () => {
  it('decodes escaped spaces in mount points', () => {
    expect(parseMountPoints(MOUNTINFO)).toContain('/tmp/ws two/x');
  });

  it('selects only mounts strictly inside the roots, deepest first, not a sibling sharing the prefix', () => {
    expect(selectMountsUnder(parseMountPoints(MOUNTINFO), ['/tmp/ws/'])).toEqual([
      '/tmp/ws/containerd/state/io.containerd.runtime.v2.task/k8s.io/app/rootfs/dev',
      '/tmp/ws/containerd/state/io.containerd.runtime.v2.task/k8s.io/app/rootfs',
    ]);
  });
});
