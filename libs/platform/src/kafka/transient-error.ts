/**
 * Whether a handler failed because a server it needs is away — the database, Temporal or Kafka crashed or is
 * restarting, a peer refuses connections — rather than because of the message. Such a failure says nothing about
 * the message: it is retried until the server is back instead of being dead-lettered after a few quick attempts
 * (a poison message is still dead-lettered: its failure is not one of these). Looks through `cause` chains.
 */
export function isTransientError(error: unknown): boolean {
  for (let e = error as Failure | undefined, depth = 0; e && depth < 8; e = e.cause as Failure | undefined, depth++) {
    if (typeof e !== 'object') return false;
    if (e.name && TRANSIENT_NAMES.has(e.name)) return true;
    // kafkajs marks what a retry can fix
    if (e.retriable === true && e.name?.startsWith('KafkaJS')) return true;
    // the MongoDB driver labels errors a retry can fix (pool cleared, connection reset)
    if (typeof e.hasErrorLabel === 'function' && (e.hasErrorLabel('RetryableWriteError') || e.hasErrorLabel('ResetPool'))) return true;
    // mongoose queues operations while disconnected and gives up after bufferTimeoutMS
    if (e.name === 'MongooseError' && /buffering timed out/.test(e.message ?? '')) return true;
    // gRPC (Temporal): the server is unreachable or did not answer in time
    if (typeof e.code === 'number' && typeof e.details === 'string' && (e.code === GRPC_UNAVAILABLE || e.code === GRPC_DEADLINE_EXCEEDED)) return true;
    if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  }
  return false;
}

interface Failure {
  name?: string;
  message?: string;
  code?: unknown;
  details?: unknown;
  cause?: unknown;
  retriable?: boolean;
  hasErrorLabel?: (label: string) => boolean;
}

const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

const TRANSIENT_NAMES = new Set([
  'MongoNetworkError', 'MongoNetworkTimeoutError', 'MongoServerSelectionError', 'MongoPoolClearedError', 'MongoNotConnectedError', 'MongoTopologyClosedError',
  // an Update whose call timed out: sent again with the same id it is the same Update
  'WorkflowUpdateRPCTimeoutOrCancelledError',
  'KafkaJSConnectionError', 'KafkaJSConnectionClosedError', 'KafkaJSRequestTimeoutError', 'KafkaJSBrokerNotFound', 'KafkaJSNumberOfRetriesExceeded',
]);

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);
