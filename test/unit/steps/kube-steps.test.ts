// Golden tests: the deck's kube steps, read through the real demo plugin, run the talk's
// components with the talk's flags (shared docs kube-stack.md, "Flags the talk uses"), compared as
// sets of flags once the slide's `\` continuations are joined, and declare what the orchestrator
// needs to run them: kind, root, needs, readiness check, ports, binary.
import { describe, expect, it } from 'vitest';
import { CONTAINERD_CONFIG_FILE, CONTAINERD_SOCKET, CNI_CONF_DIR, CNI_CONFLIST_FILE, POD_CIDR } from '../../../src/workspace/index.ts';
import type { ProbeSpec } from '../../../src/shared/index.ts';
import { findDemo, parseCommandLine, readDeckManifest } from './deck-manifest.ts';

const ADMIN_TLS = { ca: 'certs/ca.pem', cert: 'certs/admin.pem', key: 'certs/admin-key.pem' };

interface GoldenStep {
  id: string;
  /** The component's command line as kube-stack.md writes it (flags only matter, not their order). */
  talk: string;
  /** Flags the deck adds to kube-stack.md's line, each with where it comes from. */
  extras?: Record<string, string>;
  root: boolean;
  needs: string[];
  ready: ProbeSpec;
  ports: number[];
}

const GOLDEN: GoldenStep[] = [
  {
    id: 'etcd',
    talk: 'bin/etcd --data-dir etcd-data --client-cert-auth --cert-file=certs/admin.pem --key-file=certs/admin-key.pem --trusted-ca-file=certs/ca.pem --advertise-client-urls https://127.0.0.1:2379 --listen-client-urls https://127.0.0.1:2379',
    root: false,
    needs: ['pki'],
    ready: { type: 'http', url: 'https://127.0.0.1:2379/health', ...ADMIN_TLS },
    ports: [2379, 2380],
  },
  {
    id: 'kube-apiserver',
    talk:
      'bin/kube-apiserver --client-ca-file=certs/ca.pem --tls-cert-file=certs/admin.pem --tls-private-key-file=certs/admin-key.pem --service-account-key-file=certs/admin.pem ' +
      '--service-account-signing-key-file=certs/admin-key.pem --service-account-issuer=https://kubernetes.default.svc.cluster.local --etcd-cafile=certs/ca.pem --etcd-certfile=certs/admin.pem ' +
      '--etcd-keyfile=certs/admin-key.pem --etcd-servers=https://127.0.0.1:2379 --allow-privileged --authorization-mode=Node,RBAC',
    root: false,
    needs: ['etcd'],
    ready: { type: 'http', url: 'https://127.0.0.1:6443/readyz', ...ADMIN_TLS },
    ports: [6443],
  },
  {
    id: 'controller-manager',
    // The talk's --cluster-cidr=10.0.0.0/16 overlaps the Service range: kube-stack.md's safer pair instead.
    talk:
      'bin/kube-controller-manager --kubeconfig admin.conf --cluster-signing-cert-file=certs/ca.pem --cluster-signing-key-file=certs/ca-key.pem --service-account-private-key-file=certs/admin-key.pem ' +
      '--root-ca-file=certs/ca.pem --use-service-account-credentials --cluster-cidr=10.244.0.0/16 --service-cluster-ip-range=10.0.0.0/24 --allocate-node-cidrs=true',
    root: false,
    needs: ['kube-apiserver', 'kubeconfig'],
    ready: { type: 'http', url: 'https://127.0.0.1:10257/healthz', insecure: true },
    ports: [10257],
  },
  {
    id: 'scheduler',
    talk: 'bin/kube-scheduler --kubeconfig admin.conf',
    root: false,
    needs: ['kube-apiserver', 'kubeconfig'],
    ready: { type: 'http', url: 'https://127.0.0.1:10259/healthz', insecure: true },
    ports: [10259],
  },
  {
    id: 'containerd',
    // `sudo bin/containerd`, with the config the workspace prepares for this machine.
    talk: `bin/containerd --config ${CONTAINERD_CONFIG_FILE}`,
    root: true,
    needs: [],
    ready: { type: 'socket', path: CONTAINERD_SOCKET },
    ports: [],
  },
  {
    id: 'kubelet',
    talk: 'bin/kubelet --kubeconfig admin.conf --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock',
    extras: {
      '--fail-swap-on=false': "the talk's repository, run/kubelet.sh (laptops with swap)",
      '--register-node=true': "the talk's repository, run/kubelet.sh",
    },
    root: true,
    needs: ['containerd', 'kube-apiserver', 'kubeconfig'],
    // Registration is what the slide shows; /healthz on 10248 answers before the Node exists.
    ready: { type: 'log', pattern: 'Successfully registered node' },
    ports: [10248, 10250, 10255],
  },
  {
    id: 'kube-proxy',
    talk: 'bin/kube-proxy --kubeconfig admin.conf',
    root: true,
    needs: ['kube-apiserver', 'kubeconfig'],
    ready: { type: 'http', url: 'http://127.0.0.1:10256/healthz' },
    ports: [10249, 10256],
  },
];

const manifest = readDeckManifest();

describe.each(GOLDEN)('the deck step "$id"', (golden) => {
  const demo = findDemo(manifest, golden.id);
  const deck = parseCommandLine(demo.command);
  const talk = parseCommandLine(golden.talk);

  it("runs the talk's binary from the workspace and names it as the binary to check", () => {
    expect(deck.program).toBe(talk.program);
    expect(demo.binary).toBe(talk.program);
    expect(deck.operands).toEqual([]);
  });

  it("passes exactly the talk's flags (kube-stack.md), plus only the documented extras", () => {
    const expected = [...talk.flags, ...Object.keys(golden.extras ?? {})].sort();
    expect([...deck.flags].sort()).toEqual(expected);
    expect(new Set(deck.flags).size, 'a flag given twice').toBe(deck.flags.length);
  });

  it('is a daemon with its privileges, dependencies, readiness check and ports', () => {
    expect(demo.kind).toBe('daemon');
    expect(demo.root).toBe(golden.root);
    expect([...demo.needs].sort()).toEqual([...golden.needs].sort());
    expect(demo.startNeeds).toBe(false);
    expect(demo.ready).toEqual(golden.ready);
    expect([...demo.ports].sort((a, b) => a - b)).toEqual(golden.ports);
    expect(demo.timeoutMs).toBeGreaterThanOrEqual(30_000);
  });
});

describe("the kube steps, together", () => {
  it('come in the order of the talk (etcd → apiserver → controller-manager, scheduler → containerd → kubelet → kube-proxy)', () => {
    const order = manifest.demos.map((demo) => demo.id).filter((id) => GOLDEN.some((golden) => golden.id === id));
    expect(order).toEqual(GOLDEN.map((golden) => golden.id));
  });

  it('give the kubelet the socket the workspace config makes containerd listen on (/var/run is /run)', () => {
    const endpoint = parseCommandLine(findDemo(manifest, 'kubelet').command).flags.find((flag) => flag.startsWith('--container-runtime-endpoint='));
    expect(endpoint?.replace('--container-runtime-endpoint=unix:///var/run/', '/run/')).toBe(CONTAINERD_SOCKET);
  });

  it("install the workspace's bridge conflist where containerd reads CNI configs, on the controller-manager's pod range", () => {
    const cni = findDemo(manifest, 'cni-bridge');
    expect(cni).toMatchObject({ kind: 'command', root: true, needs: ['kubelet'] });
    expect(cni.command).toContain(`cp ${CNI_CONFLIST_FILE} ${CNI_CONF_DIR}/`);
    const clusterCidr = parseCommandLine(findDemo(manifest, 'controller-manager').command).flags.find((flag) => flag.startsWith('--cluster-cidr='));
    expect(clusterCidr).toBe('--cluster-cidr=10.244.0.0/16');
    expect(POD_CIDR.startsWith('10.244.')).toBe(true);
  });

  it('make the PKI with cfssl from the workspace, then admin.conf with kubectl', () => {
    const pki = findDemo(manifest, 'pki');
    expect(pki).toMatchObject({ kind: 'command', root: false, needs: [], binary: 'bin/cfssl' });
    expect(pki.command).toMatch(/bin\/cfssl gencert -initca certs\/ca-csr\.json\s*\\\n\s*\| bin\/cfssljson -bare certs\/ca\n/);
    expect(pki.command.replace(/\\\n\s*/g, '')).toContain('bin/cfssl gencert -ca=certs/ca.pem -ca-key=certs/ca-key.pem -config=certs/ca-config.json -profile=kubernetes certs/admin-csr.json | bin/cfssljson -bare certs/admin');
    const kubeconfig = findDemo(manifest, 'kubeconfig');
    expect(kubeconfig).toMatchObject({ kind: 'command', root: false, needs: ['pki'] });
    const lines = kubeconfig.command.replace(/\\\n\s*/g, '').split('\n').map((line) => parseCommandLine(line));
    expect(lines.map((line) => [line.program, ...line.operands])).toEqual([
      ['bin/kubectl', 'config', 'set-cluster', 'demystifions-kubernetes'],
      ['bin/kubectl', 'config', 'set-credentials', 'admin'],
      ['bin/kubectl', 'config', 'set-context', 'admin'],
      ['bin/kubectl', 'config', 'use-context', 'admin'],
    ]);
    expect(lines[0]?.flags.sort()).toEqual(['--certificate-authority=certs/ca.pem', '--embed-certs=true', '--kubeconfig=admin.conf', '--server=https://127.0.0.1:6443']);
    expect(lines[1]?.flags.sort()).toEqual(['--client-certificate=certs/admin.pem', '--client-key=certs/admin-key.pem', '--embed-certs=true', '--kubeconfig=admin.conf']);
    expect(lines[2]?.flags.sort()).toEqual(['--cluster=demystifions-kubernetes', '--kubeconfig=admin.conf', '--user=admin']);
    expect(lines[3]?.flags).toEqual(['--kubeconfig=admin.conf']);
  });
});
