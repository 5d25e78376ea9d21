/**
 * How a command reaches AWS: the real endpoints with the standard credential chain, an endpoint
 * override (`--endpoint-url`), or the embedded emulator (`--local`, started in-process with its
 * state under `.smus-gitops/`). Returns the client factory and a closer.
 */
import { ClientFactory, DEFAULT_CLIENT_SETTINGS, type ClientSettings } from '../aws/clients.js';
import type { CliIo } from './io.js';
import type { GlobalOptions } from './global-options.js';
import { callLogSettings } from './logger.js';

/** An open connection. */
export interface Connection {
  clients: ClientFactory;
  /** The emulator endpoint when `--local`. */
  localEndpoint?: string;
  close(): Promise<void>;
}

// The embedded emulator accepts any signature; these identify the caller as its home account.
const LOCAL_CREDENTIALS = { accessKeyId: 'AKIASMUSGITOPSLOCAL1', secretAccessKey: 'smus-gitops-local' };

/** Opens the connection the global options ask for. */
export async function connect(
  io: CliIo,
  options: GlobalOptions,
  settings: Partial<ClientSettings> = {},
): Promise<Connection> {
  const base: ClientSettings = { ...DEFAULT_CLIENT_SETTINGS, ...callLogSettings(io, options), ...settings };
  if (options.local) {
    const { startLocalEmulator } = await import('../emulator/local.js');
    const external = (io.env['SMUS_GITOPS_LOCAL_EXTERNAL_ACCOUNTS'] ?? '')
      .split(',')
      .filter((a) => /^\d{12}$/.test(a.trim()));
    const emulator = await startLocalEmulator(io.cwd, {
      behaviour: { externalAccountIds: external.map((a) => a.trim()) },
    });
    const clients = new ClientFactory({
      ...base,
      endpoint: emulator.endpoint,
      credentials: LOCAL_CREDENTIALS,
    });
    return {
      clients,
      localEndpoint: emulator.endpoint,
      close: async () => {
        clients.destroy();
        await emulator.close();
      },
    };
  }
  const key = io.env['AWS_ACCESS_KEY_ID'];
  const secret = io.env['AWS_SECRET_ACCESS_KEY'];
  // Credentials given in the command's environment are used as such; otherwise the SDK's standard chain.
  const credentials =
    key && secret
      ? { accessKeyId: key, secretAccessKey: secret, sessionToken: io.env['AWS_SESSION_TOKEN'] }
      : undefined;
  const clients = new ClientFactory({
    ...base,
    ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
    ...(credentials ? { credentials } : {}),
  });
  return { clients, close: async () => clients.destroy() };
}
