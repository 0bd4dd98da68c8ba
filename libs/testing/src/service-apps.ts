import type { INestApplication } from '@nestjs/common';

/**
 * Starts service apps built in a test (their Kafka consumers, then HTTP on an ephemeral loopback port), in the
 * order given; each is added to `started` (close them in reverse in afterAll). Returns each app's base URL by name.
 */
export async function startApps<N extends string>(apps: Record<N, INestApplication>, started: INestApplication[]): Promise<Record<N, string>> {
  const urls = {} as Record<N, string>;
  for (const [name, app] of Object.entries(apps) as [N, INestApplication][]) {
    started.push(app);
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
    urls[name] = await app.getUrl();
  }
  return urls;
}

/**
 * Builds and starts one service app after the others, so each finds the ones before it: its base URL is written
 * into `env` as `<NAME>_URL` (the next services and the console's gateway read it there) and returned.
 */
export async function serveApp(name: string, create: () => Promise<INestApplication>, env: Record<string, unknown>, started: INestApplication[]): Promise<string> {
  const app = await create();
  started.push(app);
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  env[`${name.toUpperCase()}_URL`] = url;
  return url;
}

/**
 * Base URLs by service that name another replica on each read, in turn — calls spread over every replica as a
 * load balancer would, so a test written against one URL per service runs unchanged against several.
 */
export class ReplicaUrls<N extends string> {
  private readonly replicas = new Map<N, string[]>();
  private readonly turns = new Map<N, number>();

  /** What a test hands to `httpAs`: each read of `urls[service]` is the next replica's URL. */
  readonly urls = new Proxy({} as Record<N, string>, {
    get: (_target, name) => this.next(name as N),
  });

  add(service: N, url: string): void {
    this.replicas.set(service, [...(this.replicas.get(service) ?? []), url]);
  }

  private next(service: N): string {
    const urls = this.replicas.get(service);
    if (!urls?.length) throw new Error(`no replica of ${service} was started`);
    const turn = this.turns.get(service) ?? 0;
    this.turns.set(service, turn + 1);
    return urls[turn % urls.length];
  }
}
