// containerd, kubelet and kube-proxy run as root: root already, or sudo that will not prompt on stage.
import type { DoctorCheck, DoctorSystem } from './doctor-check.ts';

export function createPrivilegesCheck({ getuid, run }: DoctorSystem): DoctorCheck {
  return {
    name: 'privileges',
    async run() {
      const row = { group: 'privileges', name: 'root/sudo' };
      if (getuid() === 0) return [{ ...row, status: 'ok', detail: 'running as root' }];
      const sudo = await run('sudo', ['-n', 'true']).catch(() => ({ exitCode: undefined, output: '' }));
      if (sudo.exitCode === 0) return [{ ...row, status: 'ok', detail: 'sudo works without a password prompt' }];
      if (sudo.exitCode === undefined || /not found|ENOENT/.test(sudo.output)) {
        return [{ ...row, status: 'fail', detail: 'not root and sudo is not installed', fix: 'install sudo (apt-get install sudo) or start demystify as root' }];
      }
      return [{ ...row, status: 'fail', detail: 'sudo would prompt for a password (containerd, kubelet and kube-proxy need root)', fix: 'run `sudo -v` in this terminal before the talk (caches your password), or start demystify with sudo' }];
    },
  };
}
