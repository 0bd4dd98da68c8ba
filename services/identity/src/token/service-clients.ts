import { createHash, timingSafeEqual } from 'node:crypto';
import { ServiceClientName, serviceClientId } from '@civicflow/platform';
import { IdentityConfig } from '../config';

/** A service identity: who it is, what its token may do. It is not a person and has no org unit. */
export interface ServiceClient {
  clientId: string;
  name: string;
  scopes: string[];
}

interface KnownClient extends ServiceClient {
  secretDigest: Buffer;
}

const digest = (secret: string) => createHash('sha256').update(secret).digest();

/** The services that call other services, each with the one thing it does there. */
const CLIENTS: { service: ServiceClientName; name: string; scopes: string[]; secret: (c: IdentityConfig) => string }[] = [
  { service: 'hotline', name: '12345热线服务 hotline service', scopes: ['directory.citizens.write'], secret: (c) => c.HOTLINE_CLIENT_SECRET },
  { service: 'intake', name: '受理服务 intake service', scopes: ['grid.routing.read'], secret: (c) => c.INTAKE_CLIENT_SECRET },
  { service: 'mediation', name: '矛盾调解服务 mediation service', scopes: ['directory.citizens.write'], secret: (c) => c.MEDIATION_CLIENT_SECRET },
  { service: 'notification', name: '通知服务 notification service', scopes: ['grid.org.read'], secret: (c) => c.NOTIFICATION_CLIENT_SECRET },
  { service: 'casework', name: '案件服务 casework service', scopes: ['grid.org.read'], secret: (c) => c.CASEWORK_CLIENT_SECRET },
];

/** The service clients and their secrets (from the environment; compared as digests, in constant time). */
export class ServiceClients {
  private readonly clients: Map<string, KnownClient>;

  constructor(config: IdentityConfig) {
    this.clients = new Map(
      CLIENTS.map((c) => [serviceClientId(c.service), { clientId: serviceClientId(c.service), name: c.name, scopes: c.scopes, secretDigest: digest(c.secret(config)) }]),
    );
  }

  /** The client if the secret is its own; undefined otherwise (unknown client ids take the same work). */
  authenticate(clientId: string, secret: string): ServiceClient | undefined {
    const known = this.clients.get(clientId);
    const matches = timingSafeEqual(digest(secret), known?.secretDigest ?? digest(`\u0000${secret}`));
    if (!known || !matches) return undefined;
    return { clientId: known.clientId, name: known.name, scopes: known.scopes };
  }
}
