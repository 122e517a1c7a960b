// The talk's ports must be free before its daemons start; a taken one names who holds it.
import { findSocketHolders, readListeningSockets } from './port-holders.ts';
import type { DoctorCheck, DoctorRow, DoctorSystem } from './doctor-check.ts';

export const TALK_PORTS: ReadonlyArray<{ port: number; user: string }> = [
  { port: 2379, user: 'etcd clients' },
  { port: 2380, user: 'etcd peers' },
  { port: 6443, user: 'kube-apiserver' },
  { port: 10257, user: 'kube-controller-manager' },
  { port: 10259, user: 'kube-scheduler' },
  { port: 10248, user: 'kubelet healthz' },
  { port: 10250, user: 'kubelet API' },
  { port: 10256, user: 'kube-proxy healthz' },
];

export function createPortsCheck({ procRoot }: Pick<DoctorSystem, 'procRoot'>, ports = TALK_PORTS): DoctorCheck {
  return {
    name: 'ports',
    async run() {
      const sockets = (await readListeningSockets(procRoot)).filter((socket) => ports.some(({ port }) => port === socket.port));
      const holders = await findSocketHolders(sockets.map((socket) => socket.inode), procRoot);
      return ports.map(({ port, user }): DoctorRow => {
        const row = { group: 'ports', name: `${port} (${user})` };
        const taken = sockets.filter((socket) => socket.port === port);
        if (taken.length === 0) return { ...row, status: 'ok', detail: 'free' };
        const owners = [...new Map(taken.flatMap((socket) => holders.get(socket.inode) ?? []).map((h) => [h.pid, h])).values()];
        if (owners.length === 0) {
          return { ...row, status: 'fail', detail: `in use on ${taken.map((s) => s.address).join(', ')} by a process we cannot see`, fix: 'run `sudo npx demystify doctor` to see who holds it, then stop it' };
        }
        const who = owners.map((owner) => `pid ${owner.pid} (${owner.command})`).join(', ');
        return { ...row, status: 'fail', detail: `in use by ${who}`, fix: `stop it: \`npx demystify reset\` if demystify started it, else \`kill ${owners.map((o) => o.pid).join(' ')}\`` };
      });
    },
  };
}
