// Leaves the servers running (npm test stops what it started); stops containers in docker mode.
export default async function globalTeardown() {
  for (const container of globalThis.__civicflowContainers ?? []) await container.stop();
}
