// Helpers of the attack suite: HTTP as someone, tokens of people who do not exist, and the scan for personal data.
import { generateKeyPairSync } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { Client, Connection } from '@temporalio/client';
import { TokenSigner } from '@civicflow/platform';

export interface Answer {
  status: number;
  text: string;
  headers: Headers;
   
  body: any;
}

/** One request; the answer with its body parsed when it is JSON. */
export async function request(url: string, init: { method?: string; token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined || init.raw !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method: init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'), headers, body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)) });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, text, headers: res.headers, body };
}

/** A well-formed access token for anyone, signed with a key that is not identity's (forgery). */
export async function forgedToken(claims: { userId: string; role: string; unitId: string }): Promise<string> {
  const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  return (await TokenSigner.fromPem(pem)).sign({ userId: claims.userId, name: claims.userId, role: claims.role as never, unitId: claims.unitId }, { ttl: '1h' });
}

/** Where a value was found in clear. */
export interface Finding {
  where: string;
  excerpt: string;
}

function excerpt(text: string, needle: string): string {
  const at = text.indexOf(needle);
  return text.slice(Math.max(0, at - 80), at + needle.length + 80);
}

/** Every document of every collection of the run's databases (`<prefix>_*`). */
export async function scanDatabases(mongoUrl: string, prefix: string, needles: string[]): Promise<{ findings: Finding[]; collections: number; documents: number }> {
  const mongo = await new MongoClient(mongoUrl).connect();
  const findings: Finding[] = [];
  let collections = 0;
  let documents = 0;
  try {
    const { databases } = await mongo.db('admin').admin().listDatabases();
    for (const { name } of databases.filter((d) => d.name.startsWith(`${prefix}_`))) {
      const db = mongo.db(name);
      for (const { name: collection } of await db.listCollections().toArray()) {
        collections += 1;
        for await (const doc of db.collection(collection).find({})) {
          documents += 1;
          const text = JSON.stringify(doc);
          for (const needle of needles) if (text.includes(needle)) findings.push({ where: `${name}.${collection}`, excerpt: excerpt(text, needle) });
        }
      }
    }
  } finally {
    await mongo.close();
  }
  return { findings, collections, documents };
}

/** Where every CivicFlow topic's partitions end now: a later scan reads only what came after. */
export async function kafkaPositions(kafka: Kafka): Promise<Map<string, number>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith('civicflow.'));
    const positions = new Map<string, number>();
    for (const topic of topics) for (const p of await admin.fetchTopicOffsets(topic)) positions.set(`${topic}:${p.partition}`, Number(p.high));
    return positions;
  } finally {
    await admin.disconnect();
  }
}

/** Every message of every CivicFlow topic (dead-letter topics too) written since `since` (kafkaPositions). */
export async function scanKafka(kafka: Kafka, needles: string[], since: Map<string, number>): Promise<{ findings: Finding[]; topics: number; messages: number }> {
  const now = await kafkaPositions(kafka);
  const ranges = [...now].map(([key, high]) => ({ key, topic: key.slice(0, key.lastIndexOf(':')), partition: Number(key.slice(key.lastIndexOf(':') + 1)), from: since.get(key) ?? 0, high }))
    .filter((r) => r.high > r.from);
  const topics = [...new Set([...now.keys()].map((k) => k.slice(0, k.lastIndexOf(':'))))];
  const findings: Finding[] = [];
  let messages = 0;
  if (ranges.length === 0) return { findings, topics: topics.length, messages };
  const remaining = new Map(ranges.map((r) => [r.key, r.high]));
  const consumer = kafka.consumer({ groupId: `pii-scan-${Date.now()}-${Math.random().toString(36).slice(2)}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [...new Set(ranges.map((r) => r.topic))], fromBeginning: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Kafka scan did not reach the end of ${[...remaining.keys()].slice(0, 5).join(', ')}`)), 90_000);
      consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          const key = `${topic}:${partition}`;
          const high = remaining.get(key);
          if (high === undefined) return;
          messages += 1;
          const text = `${message.key?.toString() ?? ''} ${message.value?.toString() ?? ''} ${JSON.stringify(message.headers ?? {})}`;
          for (const needle of needles) if (text.includes(needle)) findings.push({ where: `${topic}[${partition}]@${message.offset}`, excerpt: excerpt(text, needle) });
          if (Number(message.offset) + 1 >= high) remaining.delete(key);
          if (remaining.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      }).then(() => {
        for (const r of ranges) consumer.seek({ topic: r.topic, partition: r.partition, offset: String(r.from) });
      }, reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return { findings, topics: topics.length, messages };
}

/** Every event of every workflow history in the namespace (inputs, Update arguments, results). */
export async function scanTemporal(address: string, namespace: string, needles: string[]): Promise<{ findings: Finding[]; workflows: number }> {
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, namespace });
  const findings: Finding[] = [];
  let workflows = 0;
  try {
    for await (const execution of client.workflow.list()) {
      workflows += 1;
      const history = await client.workflow.getHandle(execution.workflowId, execution.runId).fetchHistory();
      const text = JSON.stringify(history, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : value));
      for (const needle of needles) if (text.includes(needle)) findings.push({ where: `temporal ${execution.workflowId}`, excerpt: excerpt(text, needle) });
    }
  } finally {
    await connection.close();
  }
  return { findings, workflows };
}

/** Copies everything written to stdout and stderr from now on (the services' logs in this process). */
export function captureLogs(): { text(): string; stop(): void } {
  const chunks: string[] = [];
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((s) => s.write.bind(s));
  streams.forEach((stream, i) => {
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return (originals[i] as (...a: unknown[]) => boolean)(chunk, ...rest);
    });
  });
  return {
    text: () => chunks.join(''),
    stop: () => streams.forEach((stream, i) => (stream.write = originals[i])),
  };
}
