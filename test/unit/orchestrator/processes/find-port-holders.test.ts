import { describe, expect, it } from 'vitest';
import { parseListeningInodes } from '../../../../src/orchestrator/processes/index.ts';

const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:094B 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 41001 1 0000000000000000 100 0 0 10 0
   1: 0100007F:094B 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 41002 1 0000000000000000 20 4 30 10 -1
   2: 00000000:0050 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 41003 1 0000000000000000 100 0 0 10 0
`;
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:094B 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 42001 1 0000000000000000 100 0 0 10 0
`;

describe('parseListeningInodes', () => {
  it('finds the LISTEN sockets on a port, IPv4 and IPv6, ignoring connections', () => {
    expect(parseListeningInodes(TCP, 2379)).toEqual(['41001']);
    expect(parseListeningInodes(TCP6, 2379)).toEqual(['42001']);
    expect(parseListeningInodes(TCP, 80)).toEqual(['41003']);
    expect(parseListeningInodes(TCP, 6443)).toEqual([]);
  });
});
