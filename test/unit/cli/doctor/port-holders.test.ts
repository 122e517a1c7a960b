import { describe, expect, it } from 'vitest';
import { parseProcNetTcp } from '../../../../src/cli/doctor/index.ts';

const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:094B 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 41234 1 0000000000000000 100 0 0 10 0
   1: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1134 1 0000000000000000 100 0 0 10 0
   2: 0100007F:094B 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 51234 1 0000000000000000 20 4 30 10 -1
`;
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000001000000:192B 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 777 1 0000000000000000 100 0 0 10 0
`;

describe('parseProcNetTcp', () => {
  it('lists LISTEN sockets with their address, port and inode, and skips established connections', () => {
    expect(parseProcNetTcp(TCP)).toEqual([
      { address: '127.0.0.1', port: 2379, inode: 41234 },
      { address: '0.0.0.0', port: 2024, inode: 1134 },
    ]);
  });

  it('decodes IPv6 addresses', () => {
    expect(parseProcNetTcp(TCP6)).toEqual([{ address: '[::1]', port: 6443, inode: 777 }]);
  });
});
