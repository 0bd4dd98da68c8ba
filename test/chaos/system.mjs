// The system under chaos: every service and the worker (compiled, as processes, `replicas` of each) on the
// launcher's servers, isolated from anything else on them — databases, consumer groups and Temporal namespace of
// the run's own — with SLA windows short enough for timers to fire while it runs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { PORT_OFFSETS } from '../../deploy/local/lib/config.mjs';
import { startSystem } from '../../scripts/lib/processes.mjs';

const require = createRequire(import.meta.url);
const { naturalMinutes } = require('@civicflow/domain');
const { eventCatalog } = require('@civicflow/contracts');
const { ownTemporalNamespace, profilesWithWindows } = require('@civicflow/testing');

/** Services whose Kafka consumer group the run names for itself, by their setting. */
const GROUP_SETTINGS = ['HOTLINE', 'INTAKE', 'GRID', 'CASEWORK', 'NOTIFICATION', 'MEDIATION', 'CONSOLE'].map((s) => `${s}_CONSUMER_GROUP`);

/** Acceptance runs out in `acceptanceMinutes` (cases nobody accepts climb to the street by timer); every other window is long. */
function writeProfiles(acceptanceMinutes) {
  const long = naturalMinutes(600);
  const table = profilesWithWindows({
    acceptance: naturalMinutes(acceptanceMinutes), 'community-handling': long, 'street-handling': long,
    'department-report-in': long, 'department-answer': long, callback: long, mediation: long,
  });
  const file = join(mkdtempSync(join(tmpdir(), 'civicflow-chaos-')), 'sla-profiles.json');
  writeFileSync(file, JSON.stringify(table));
  return file;
}

/**
 * Starts the system for run `runId`. Each consumer group gets committed offsets at the end of every CivicFlow topic
 * before its service first starts, so a service killed before it ever committed resumes where the run began instead
 * of jumping to the newest message (a group without offsets would, with KAFKA_FROM_BEGINNING=false) or reading every
 * earlier run's messages (with true).
 */
export async function startChaosSystem({ launcher, runId, replicas, portBase, acceptanceMinutes, observerGroups = [], log }) {
  const ep = launcher.endpoints();
  const groups = Object.fromEntries(GROUP_SETTINGS.map((setting) => [setting, `${setting.split('_')[0].toLowerCase()}-${runId}`]));
  const kafka = new Kafka({ clientId: `chaos-${runId}`, brokers: [ep.kafkaBrokers], logLevel: logLevel.NOTHING });
  log(`chaos: committing the run's consumer groups at the end of every topic`);
  const serviceGroups = [...Object.values(groups), ...Array.from({ length: replicas - 1 }, (_, r) => `${groups.CONSOLE_CONSUMER_GROUP}-replica-${r + 1}`)];
  const topics = await commitGroupsAtEnd(kafka, [...serviceGroups, ...observerGroups]);
  log(`chaos: registering Temporal namespace chaos-${runId}`);
  const namespace = await ownTemporalNamespace(ep.temporalAddress, `chaos-${runId}`);
  log('chaos: starting the processes');

  // the services' ports: CIVICFLOW_PORT_BASE's offsets from `portBase` (replicas above, see replicaEnvironments)
  for (const [name, [variable]] of Object.entries(launcher.SERVICE_PORTS)) process.env[variable] = String(portBase + PORT_OFFSETS[variable]);
  Object.assign(process.env, groups);
  const envs = launcher.replicaEnvironments(replicas).map((env) => ({
    ...env,
    MONGO_DB_PREFIX: `chaos_${runId}`,
    TEMPORAL_NAMESPACE: namespace,
    KAFKA_FROM_BEGINNING: 'true',
    SLA_PROFILES_FILE: writeProfiles(acceptanceMinutes),
    // every call its own case: the duplicate search (合并) would join calls placed within its radius
    INTAKE_DEDUP_RADIUS_METERS: '0.01',
    NOTIFICATION_QUIET_HOURS: 'off',
    NOTIFICATION_SEED_DEMO_DIRECTORY: 'true',
    GRID_SEED_DEMO: 'true',
    SHUTDOWN_GRACE_MS: '10000',
    LOG_LEVEL: 'warn',
  }));
  const system = startSystem(envs, launcher.consoleUpstreams(envs), { log, restartDelayMs: 2000 });
  return { system, envs, kafka, namespace, topics, serviceGroups, consoles: envs.map((env) => env.CONSOLE_URL), database: `chaos_${runId}` };
}

/** Commits every group at the current end of every CivicFlow topic (created first where missing); returns the topics. */
async function commitGroupsAtEnd(kafka, groupIds) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const wanted = [...new Set(eventCatalog.map((c) => c.topic))];
    const existing = new Set(await admin.listTopics());
    const missing = wanted.flatMap((t) => [t, `${t}.dlt`]).filter((t) => !existing.has(t));
    if (missing.length) await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions: 3, replicationFactor: 1 })), waitForLeaders: true });
    // side by side: one by one, a hundred admin round trips took minutes on a busy machine
    const ends = await Promise.all(wanted.map(async (topic) => ({ topic, partitions: (await admin.fetchTopicOffsets(topic)).map((p) => ({ partition: p.partition, offset: p.high })) })));
    await Promise.all(groupIds.map(async (groupId) => {
      for (const { topic, partitions } of ends) await admin.setOffsets({ groupId, topic, partitions });
    }));
    return wanted;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Messages the run's service groups have not yet committed, over the partitions their members are assigned (a group
 * reads only the topics it subscribes to): 0 once every consumer caught up.
 */
export async function consumerLag(kafka, groupIds, topics) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = new Map(await Promise.all(topics.map(async (topic) => [topic, new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]))])));
    const { groups } = await admin.describeGroups(groupIds);
    let lag = 0;
    for (const group of groups) {
      const assigned = new Set(group.members.flatMap((member) => {
        const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
        return Object.entries(decoded?.assignment ?? {}).flatMap(([topic, partitions]) => partitions.map((p) => `${topic}:${p}`));
      }));
      if (assigned.size === 0) continue;
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId: group.groupId, topics: [...new Set([...assigned].map((k) => k.split(':')[0]))] })) {
        for (const p of partitions) if (assigned.has(`${topic}:${p.partition}`)) lag += Math.max(0, (ends.get(topic)?.get(p.partition) ?? 0) - Math.max(0, Number(p.offset)));
      }
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
}
