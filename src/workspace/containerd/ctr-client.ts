// containerd as `ctr` sees it, by socket path: the same tool a speaker types, so what the
// product does can be replayed by hand. Output tables are parsed by their first and last columns
// only (the middle ones hold values with spaces, such as "1.0 MiB").
import { DemystifyError } from '../../shared/index.ts';
import { renderFirstLine, runCommand, type CommandResult, type RunCommand } from '../command-runner.ts';

export const CTR_TIMEOUT_MS = 30_000;
export const CTR_PROBE_TIMEOUT_MS = 3_000;

export type CtrPlugin = { type: string; id: string; status: string };
export type CtrImage = { ref: string; labels: Record<string, string> };
export type CtrTask = { id: string; pid: number; status: string };
export type CtrContainerSpec = {
  annotations?: Record<string, string>;
  linux?: { cgroupsPath?: string; namespaces?: Array<{ type: string; path?: string }> };
};

export type CtrClient = {
  address: string;
  /** Runs `ctr --address <socket> [-n ns] args`; never throws. */
  invoke(args: readonly string[], options?: { namespace?: string; timeoutMs?: number }): Promise<CommandResult>;
  /** Same, but a non-zero exit is a DemystifyError naming the command. */
  call(args: readonly string[], options?: { namespace?: string; timeoutMs?: number }): Promise<string>;
  isAnswering(): Promise<boolean>;
  listPlugins(): Promise<CtrPlugin[]>;
  listNamespaces(): Promise<string[]>;
  listImages(namespace: string): Promise<CtrImage[]>;
  listTasks(namespace: string): Promise<CtrTask[]>;
  listContainers(namespace: string): Promise<string[]>;
  readContainerSpec(namespace: string, id: string): Promise<CtrContainerSpec>;
};

export type CreateCtrClientOptions = { address: string; ctrPath?: string; run?: RunCommand };

function parseRows(table: string): string[][] {
  return table
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((columns) => columns[0] !== undefined && columns[0] !== '');
}

export function parseImageLabels(column: string | undefined): Record<string, string> {
  if (column === undefined || column === '-') return {};
  return Object.fromEntries(
    column.split(',').map((pair) => {
      const cut = pair.indexOf('=');
      return cut === -1 ? [pair, ''] : [pair.slice(0, cut), pair.slice(cut + 1)];
    }),
  );
}

export function createCtrClient(options: CreateCtrClientOptions): CtrClient {
  const { address, ctrPath = 'ctr', run = runCommand } = options;
  const invoke: CtrClient['invoke'] = (args, { namespace, timeoutMs = CTR_TIMEOUT_MS } = {}) =>
    run(ctrPath, ['--address', address, ...(namespace === undefined ? [] : ['-n', namespace]), ...args], { timeoutMs });
  const call: CtrClient['call'] = async (args, callOptions = {}) => {
    const result = await invoke(args, callOptions);
    if (result.exitCode !== 0) {
      const ns = callOptions.namespace === undefined ? '' : ` -n ${callOptions.namespace}`;
      const reason = result.timedOut ? 'timed out' : renderFirstLine(result.stderr);
      throw new DemystifyError(
        result.spawnFailed ? 'BINARY_MISSING' : 'NONZERO_EXIT',
        `\`${ctrPath} --address ${address}${ns} ${args.join(' ')}\` failed (exit ${result.exitCode}): ${reason}.`,
      );
    }
    return result.stdout;
  };
  return {
    address,
    invoke,
    call,
    isAnswering: async () => (await invoke(['version'], { timeoutMs: CTR_PROBE_TIMEOUT_MS })).exitCode === 0,
    listPlugins: async () =>
      parseRows(await call(['plugins', 'ls'])).map((columns) => ({ type: columns[0]!, id: columns[1] ?? '', status: columns.at(-1) ?? '' })),
    listNamespaces: async () => (await call(['namespaces', 'ls', '-q'])).split('\n').filter(Boolean),
    listImages: async (namespace) =>
      parseRows(await call(['images', 'ls'], { namespace })).map((columns) => ({
        ref: columns[0]!,
        labels: parseImageLabels(columns.length > 1 ? columns.at(-1) : undefined),
      })),
    listTasks: async (namespace) =>
      parseRows(await call(['tasks', 'ls'], { namespace })).map((columns) => ({
        id: columns[0]!,
        pid: Number(columns[1]),
        status: columns[2] ?? '',
      })),
    listContainers: async (namespace) => (await call(['containers', 'ls', '-q'], { namespace })).split('\n').filter(Boolean),
    readContainerSpec: async (namespace, id) => {
      const info = JSON.parse(await call(['containers', 'info', id], { namespace })) as { Spec?: CtrContainerSpec };
      return info.Spec ?? {};
    },
  };
}
