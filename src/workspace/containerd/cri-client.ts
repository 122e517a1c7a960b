// The few CRI calls the node's checks need, over containerd's gRPC socket (HTTP/2 on a unix
// socket, protobuf bodies): Status is what the kubelet reads to decide NetworkReady, i.e. whether
// containerd has loaded a CNI config; the sandbox calls create a real pod sandbox as the kubelet would.
import { connect as connectHttp2 } from 'node:http2';
import { connect as connectSocket } from 'node:net';
import { DemystifyError } from '../../shared/index.ts';
import { decodeProtoMessage, encodeProtoMessage, readProtoBool, readProtoMessages, readProtoString, type ProtoField } from './protobuf-wire.ts';

export const CRI_CALL_TIMEOUT_MS = 60_000;
const RUNTIME_SERVICE = '/runtime.v1.RuntimeService';

export type CriCondition = { type: string; status: boolean; reason: string; message: string };

export type PodSandboxSpec = { name: string; namespace: string; uid: string; hostname?: string; logDirectory?: string; cgroupParent?: string };

export type CriClient = {
  readStatus(): Promise<CriCondition[]>;
  /** Returns the sandbox id. */
  runPodSandbox(spec: PodSandboxSpec): Promise<string>;
  /** Ids of every pod sandbox this containerd knows. */
  listPodSandboxes(): Promise<string[]>;
  stopPodSandbox(id: string): Promise<void>;
  removePodSandbox(id: string): Promise<void>;
};

function frame(message: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt32BE(message.length, 1);
  return Buffer.concat([header, message]);
}

/** One unary gRPC call; resolves with the response message bytes. */
export function callGrpc(address: string, path: string, request: Buffer, timeoutMs = CRI_CALL_TIMEOUT_MS): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const session = connectHttp2('http://localhost', { createConnection: () => connectSocket(address) });
    const fail = (reason: string): void => {
      session.destroy();
      reject(new DemystifyError('NONZERO_EXIT', `CRI call ${path} on ${address} failed: ${reason}.`));
    };
    session.once('error', (error) => fail(error.message));
    const stream = session.request({ ':method': 'POST', ':path': path, 'content-type': 'application/grpc', te: 'trailers' });
    stream.setTimeout(timeoutMs, () => fail(`no answer within ${timeoutMs} ms`));
    const chunks: Buffer[] = [];
    let status: string | undefined;
    let detail = '';
    const note = (headers: Record<string, unknown>): void => {
      if (headers['grpc-status'] !== undefined) status = String(headers['grpc-status']);
      if (headers['grpc-message'] !== undefined) detail = decodeURIComponent(String(headers['grpc-message']));
    };
    stream.on('response', note);
    stream.on('trailers', note);
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('error', (error) => fail(error.message));
    stream.once('end', () => {
      session.close();
      if (status !== '0') return fail(`grpc-status ${status ?? 'missing'} ${detail}`.trim());
      const body = Buffer.concat(chunks);
      resolve(body.subarray(5, 5 + (body.length >= 5 ? body.readUInt32BE(1) : 0)));
    });
    stream.end(frame(request));
  });
}

export function createCriClient({ address, timeoutMs = CRI_CALL_TIMEOUT_MS }: { address: string; timeoutMs?: number }): CriClient {
  const call = (method: string, fields: readonly ProtoField[]): Promise<Buffer> =>
    callGrpc(address, `${RUNTIME_SERVICE}/${method}`, encodeProtoMessage(fields), timeoutMs);
  const sandboxConfig = (spec: PodSandboxSpec): ProtoField[] => [
    [1, [[1, spec.name], [2, spec.uid], [3, spec.namespace], [4, 0]]],
    [2, spec.hostname ?? spec.name],
    [3, spec.logDirectory ?? ''],
    ...(spec.cgroupParent === undefined ? [] : [[8, [[1, spec.cgroupParent]]] as const]),
  ];
  return {
    readStatus: async () => {
      // StatusResponse{status:1 RuntimeStatus{conditions:1 RuntimeCondition{type:1,status:2,reason:3,message:4}}}
      const response = decodeProtoMessage(await call('Status', []));
      const runtimeStatus = readProtoMessages(response, 1)[0];
      return (runtimeStatus === undefined ? [] : readProtoMessages(runtimeStatus, 1)).map((condition) => ({
        type: readProtoString(condition, 1),
        status: readProtoBool(condition, 2),
        reason: readProtoString(condition, 3),
        message: readProtoString(condition, 4),
      }));
    },
    runPodSandbox: async (spec) => readProtoString(decodeProtoMessage(await call('RunPodSandbox', [[1, sandboxConfig(spec)]])), 1),
    // ListPodSandboxResponse{items:1 PodSandbox{id:1}}
    listPodSandboxes: async () =>
      readProtoMessages(decodeProtoMessage(await call('ListPodSandbox', [])), 1).map((sandbox) => readProtoString(sandbox, 1)),
    stopPodSandbox: async (id) => void (await call('StopPodSandbox', [[1, id]])),
    removePodSandbox: async (id) => void (await call('RemovePodSandbox', [[1, id]])),
  };
}
