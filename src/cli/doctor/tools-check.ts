// Host tools: iptables (kube-proxy's rules) and Chromium (PDF/HTML export, screenshots).
import { findSystemBinary, resolveSystemDirs } from '../../binaries/index.ts';
import { access } from 'node:fs/promises';
import type { DoctorCheck, DoctorSystem } from './doctor-check.ts';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export function createIptablesCheck({ env, run }: DoctorSystem): DoctorCheck {
  return {
    name: 'iptables',
    async run() {
      const row = { group: 'tools', name: 'iptables' };
      const path = await findSystemBinary('iptables', 'bin', resolveSystemDirs(env));
      if (path === undefined) return [{ ...row, status: 'fail', detail: 'not found (kube-proxy writes its Service rules with it)', fix: 'sudo apt-get install iptables' }];
      const { output } = await run(path, ['--version']).catch(() => ({ output: '' }));
      return [{ ...row, status: 'ok', detail: `${output.trim().split('\n')[0] || 'found'} at ${path}` }];
    },
  };
}

export function createChromiumCheck({ env, run }: DoctorSystem): DoctorCheck {
  return {
    name: 'chromium',
    async run() {
      const path = env['CHROME_PATH'] || DEFAULT_CHROMIUM_PATH;
      const row = { group: 'tools', name: 'chromium' };
      const found = await access(path).then(() => true, () => false);
      if (!found) {
        const how = env['CHROME_PATH'] ? `CHROME_PATH=${path} does not exist` : `${path} not found`;
        return [{ ...row, status: 'warn', detail: `${how}: PDF/HTML export and screenshots need it (the live deck does not)`, fix: 'sudo apt-get install chromium, or set CHROME_PATH to a Chromium/Chrome binary' }];
      }
      const { output } = await run(path, ['--version']).catch(() => ({ output: '' }));
      const version = /(Chromium|Google Chrome|Chrome)\s+([\d.]+)/.exec(output);
      return [{ ...row, status: 'ok', detail: `${version ? `${version[1]} ${version[2]}` : 'found'} at ${path}${env['CHROME_PATH'] ? ' (CHROME_PATH)' : ''}` }];
    },
  };
}
