// The talk's working directory, laid out so slide commands read like the talk:
// `bin/etcd --data-dir etcd-data …`, `sudo bin/containerd --config containerd/config.toml`.
import { resolve } from 'node:path';

export const WORKSPACE_RECORD_FILE = '.demystify-workspace.json';
export const CONTAINERD_CONFIG_FILE = 'containerd/config.toml';
export const CNI_CONFLIST_FILE = 'cni/10-bridge.conflist';

export type WorkspacePaths = {
  workspace: string;
  record: string;
  bin: string;
  certs: string;
  etcdData: string;
  logs: string;
  images: string;
  cni: string;
  cniConflist: string;
  cniIpam: string;
  containerd: string;
  containerdConfig: string;
  containerdRoot: string;
  containerdState: string;
  runcRoot: string;
};

/** Absolute paths of everything the workspace holds; `workspace` may be relative to the cwd. */
export function resolveWorkspacePaths(workspace: string): WorkspacePaths {
  const root = resolve(workspace);
  const at = (relative: string): string => resolve(root, relative);
  return {
    workspace: root,
    record: at(WORKSPACE_RECORD_FILE),
    bin: at('bin'),
    certs: at('certs'),
    etcdData: at('etcd-data'),
    logs: at('logs'),
    images: at('images'),
    cni: at('cni'),
    cniConflist: at(CNI_CONFLIST_FILE),
    cniIpam: at('cni/ipam'),
    containerd: at('containerd'),
    containerdConfig: at(CONTAINERD_CONFIG_FILE),
    containerdRoot: at('containerd/root'),
    containerdState: at('containerd/state'),
    runcRoot: at('containerd/runc'),
  };
}
