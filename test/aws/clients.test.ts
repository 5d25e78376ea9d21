/**
 * The clients of every account and service share one HTTP handler, so one pool of kept-alive
 * connections: against AWS each new connection is a TLS handshake, and a handler per client
 * opened 649 connections for the `cpu` bench's plan over 500 associated accounts (108 shared).
 * Counted on the wire: node's `net.client.socket` channel reports each connection a client opens.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { ListDomainsCommand } from '@aws-sdk/client-datazone';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { toolClients } from '../helpers/apply.js';
import { startTestEmulator } from '../helpers/emulator.js';

const ROLE = (account: string) => `arn:aws:iam::${account}:role/SmusGitOpsDeployer`;

describe('ClientFactory', () => {
  it('reuses one connection across accounts and services, one call after another', async () => {
    const emu = await startTestEmulator();
    const factory = toolClients(emu.endpoint);
    let opened = 0;
    const count = () => void opened++;
    subscribe('net.client.socket', count);
    try {
      const accounts = [];
      // Home STS, then two other accounts: AssumeRole through the home STS client, then each
      // account's own STS client; then the home DataZone client.
      for (const clients of [
        factory.home('us-east-1'),
        factory.assumed(ROLE('444455556666'), 'us-east-1'),
        factory.assumed(ROLE('777788889999'), 'us-east-1'),
      ]) {
        accounts.push((await clients.sts.send(new GetCallerIdentityCommand({}))).Account);
      }
      await factory.home('us-east-1').dataZone.send(new ListDomainsCommand({}));
      expect(accounts).toEqual(['111122223333', '444455556666', '777788889999']);
      expect(opened).toBe(1);
    } finally {
      unsubscribe('net.client.socket', count);
      factory.destroy();
      await emu.close();
    }
  });
});
