/**
 * A write guarded by a revision (or a create guarded by a unique _id) lost the race to another writer — another
 * replica of the same consumer group, or the same process's own redelivery. Trying again reads the new state and
 * succeeds, so the transport retries it without counting it against the message (two replicas contending for one
 * hot document must not dead-letter a good event).
 */
export class ConcurrentChangeError extends Error {
  override readonly name = 'ConcurrentChangeError';
}

/**
 * Whether a handler failed because a server it needs is away (or it lost a race to a concurrent writer) — the database, Temporal or Kafka crashed or is
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
    // gRPC (Temporal): the server is unreachable, did not answer in time, or is overloaded (the workflow is busy,
    // too many Updates in flight: Temporal's own clients retry these)
    if (typeof e.code === 'number' && typeof e.details === 'string' && GRPC_TRANSIENT.has(e.code)) return true;
    // an Update sent while the workflow's task failed (its worker was killed mid-task): it is taken once a worker
    // runs the task again (found by `npm run chaos`: four callbacks dead-lettered after the worker's SIGKILL)
    if (e.code === GRPC_FAILED_PRECONDITION && typeof e.details === 'string' && /workflow task in failed state/i.test(e.details)) return true;
    if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
    // 503 Service Unavailable says it by definition: what the request needs is not there yet (intake without the
    // grid's dataset while grid restarts; `npm run chaos` found calls dead-lettered by it), try again later
    if (typeof e.getStatus === 'function' && e.getStatus() === 503) return true;
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
  /** NestJS's HttpException */
  getStatus?: () => number;
}

/** DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, UNAVAILABLE */
const GRPC_TRANSIENT = new Set([4, 8, 14]);
const GRPC_FAILED_PRECONDITION = 9;

const TRANSIENT_NAMES = new Set([
  'ConcurrentChangeError',
  'MongoNetworkError', 'MongoNetworkTimeoutError', 'MongoServerSelectionError', 'MongoPoolClearedError', 'MongoNotConnectedError', 'MongoTopologyClosedError',
  // an Update whose call timed out: sent again with the same id it is the same Update
  'WorkflowUpdateRPCTimeoutOrCancelledError',
  'KafkaJSConnectionError', 'KafkaJSConnectionClosedError', 'KafkaJSRequestTimeoutError', 'KafkaJSBrokerNotFound', 'KafkaJSNumberOfRetriesExceeded',
]);

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);
