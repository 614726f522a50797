import { createDeepFaceAuthClient, type DeepFaceAuthClient } from '../../main/deepfaceauth/client';
import { createHttpTransport, type Transport, type TransportRequest } from '../../main/deepfaceauth/http-transport';
import type { Logger } from '../../main/log/logger';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../main/sandbox/sandbox-server';
import { DEMO_CUSTOMER } from '../../domain/demo-account';

/** A transport that records every request it sends. */
export function recordingTransport(): { transport: Transport; sent: TransportRequest[] } {
  const inner = createHttpTransport();
  const sent: TransportRequest[] = [];
  return {
    sent,
    transport: (req) => {
      sent.push(req);
      return inner(req);
    },
  };
}

export interface ClientFixture {
  sandbox: RunningSandbox;
  client: DeepFaceAuthClient;
  sent: TransportRequest[];
}

export async function sandboxClient(logger: Logger, options: SandboxOptions = {}, key: 'parametersToBeUpdated' | 'parametersTobeUpdated' = 'parametersToBeUpdated'): Promise<ClientFixture> {
  const sandbox = await startSandbox(options);
  const { transport, sent } = recordingTransport();
  const client = createDeepFaceAuthClient({
    baseUrl: sandbox.baseUrl,
    customerName: DEMO_CUSTOMER.customerName,
    timeoutMs: 5000,
    updateParamsKey: key,
    logger,
    transport,
    retry: { sleep: async () => undefined },
  });
  return { sandbox, client, sent };
}
