// Before a spawn: is the step's executable (`bin/etcd`, workspace-relative) there, executable, and
// built for this machine? Each problem is a DemystifyError naming the binary and the fix.
import { accessSync, closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DemystifyError } from '../../shared/index.ts';
import { stageMessages } from '../stage-messages.ts';

/** ELF e_machine → Node's process.arch. */
const ELF_MACHINES: Record<number, string> = { 3: 'ia32', 8: 'mips', 20: 'ppc', 21: 'ppc64', 22: 's390x', 40: 'arm', 62: 'x64', 183: 'arm64', 243: 'riscv64', 258: 'loong64' };
/** Node's arch names → the names release pages use. */
const ARCH_LABELS: Record<string, string> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm' };

export function renderArch(arch: string): string {
  return ARCH_LABELS[arch] ?? arch;
}

/** The architecture an ELF header says (Node's names), `undefined` when not ELF (a script). */
export function readElfArch(header: Uint8Array): string | undefined {
  if (header.length < 20 || header[0] !== 0x7f || header[1] !== 0x45 || header[2] !== 0x4c || header[3] !== 0x46) return undefined;
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const machine = view.getUint16(18, header[5] === 1);
  return ELF_MACHINES[machine] ?? `e_machine ${machine}`;
}

function readHeader(path: string): Uint8Array | undefined {
  try {
    const fd = openSync(path, 'r');
    try {
      const header = new Uint8Array(20);
      const length = readSync(fd, header, 0, header.length, 0);
      return header.subarray(0, length);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

export function validateBinary(workspace: string, binary: string, arch: string = process.arch): DemystifyError | undefined {
  const absolute = resolve(workspace, binary);
  let isFile: boolean;
  try {
    isFile = statSync(absolute).isFile();
  } catch {
    return new DemystifyError('BINARY_MISSING', stageMessages.binaryMissing(binary, absolute));
  }
  try {
    if (!isFile) throw new Error('not a file');
    accessSync(absolute, constants.X_OK);
  } catch {
    return new DemystifyError('BINARY_NOT_EXECUTABLE', stageMessages.binaryNotExecutable(binary, absolute));
  }
  const header = readHeader(absolute);
  const found = header === undefined ? undefined : readElfArch(header);
  if (found !== undefined && found !== arch) {
    return new DemystifyError('BINARY_WRONG_ARCH', stageMessages.binaryWrongArch(binary, renderArch(found), renderArch(arch)));
  }
  return undefined;
}
