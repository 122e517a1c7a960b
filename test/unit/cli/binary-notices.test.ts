import { describe, expect, it } from 'vitest';
import type { ResolvedBinary } from '../../../src/binaries/index.ts';
import { createBinaryNotices } from '../../../src/cli/binary-notices.ts';
import type { DemoDefinition, DemoManifest } from '../../../src/shared/index.ts';

const demo = (id: string, command: string): DemoDefinition => ({
  id, kind: 'command', command, needs: [], startNeeds: false, root: false, ports: [], timeoutMs: 1000, slide: 1, title: id,
});
const binary = (name: string, source: ResolvedBinary['source'], version?: string): ResolvedBinary =>
  ({ name, source, version, pinnedVersion: name === 'etcd' || name === 'etcdctl' ? '3.5.14' : '1.6.5' }) as ResolvedBinary;

describe('binary notices', () => {
  it('name each installed binary that stands in for a pinned one, with both versions', () => {
    const manifest: DemoManifest = {
      version: 1,
      deck: 'deck.md',
      demos: [demo('etcd-put', 'bin/etcdctl put a b\nbin/etcdctl get a'), demo('pki', 'bin/cfssl gencert | bin/cfssljson -bare ca'), demo('api', 'bin/kube-apiserver')],
    };
    const notices = createBinaryNotices(manifest, [
      binary('etcdctl', 'system', '3.4.23'),
      binary('cfssl', 'pinned', '1.6.5'),
      binary('cfssljson', 'system', '1.2.0'),
      binary('kube-apiserver', 'missing'),
    ]);
    expect(notices.get('etcd-put')).toBe('etcdctl 3.4.23 (installé sur cette machine) au lieu de 3.5.14');
    expect(notices.get('pki')).toBe('cfssljson 1.2.0 (installé sur cette machine) au lieu de 1.6.5');
    expect(notices.has('api')).toBe(false);
  });
});
