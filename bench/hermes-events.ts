// Hermes throughput on MariaDB: 200 clients posting single events through REST for a fixed
// time over 10,000 hosts and 20 fates (10 two-step chains), then a quest over all 10,000 hosts.
// Afterwards the labors are checked against a sequential replay of the same events.
import { createConnection } from 'mysql2/promise';
import { questionTheFates, FateNode, OpenLabor } from '../src/hermes-workflow/fate-engine';
import { freshDatabase, load, login, report, startService } from './support';

const HOSTS = 10_000;
const CHAINS = 10;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const DURATION = Number(process.env.BENCH_DURATION ?? 20);

async function seedHosts(databaseUrl: string): Promise<void> {
  const c = await createConnection({ uri: databaseUrl });
  const now = new Date();
  const rows = Array.from({ length: HOSTS }, (_, i) => [`node-${i}`, 'OTHER', 'raw', 22, 0, now, now]);
  for (let i = 0; i < rows.length; i += 1000) {
    await c.query(
      'INSERT INTO hosts (name, host_type, status, ssh_port, is_initialized, created_at, updated_at) VALUES ?',
      [rows.slice(i, i + 1000)],
    );
  }
  await c.end();
}

async function api(url: string, token: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/hermes/api/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Chain k: type 2k+1 starts fate 2k+1, type 2k+2 closes it through fate 2k+2. */
async function seedWorkflow(url: string, token: string): Promise<void> {
  const eventTypes = Array.from({ length: CHAINS * 2 }, (_, i) => ({
    category: `chain-${Math.floor(i / 2)}`,
    state: i % 2 === 0 ? 'required' : 'done',
    description: 'bench',
  }));
  await api(url, token, '/eventtypes', { eventTypes });
  for (let k = 0; k < CHAINS; k++) {
    await api(url, token, '/fates', { creationEventTypeId: 2 * k + 1, description: 'start' });
    await api(url, token, '/fates', { creationEventTypeId: 2 * k + 2, followsId: 2 * k + 1, description: 'close' });
  }
}

/** The labors a one-event-at-a-time run gives for the stored events, in id order per host. */
async function sequentialReplay(
  databaseUrl: string,
): Promise<{ events: number; expected: [number, number]; actual: [number, number] }> {
  const c = await createConnection({ uri: databaseUrl });
  // Requests in flight when the load stopped finish first: wait until the count stays put.
  for (let last = -1, same = 0; same < 3;) {
    const [[{ n }]] = (await c.query('SELECT COUNT(*) AS n FROM hermes_events')) as unknown as [[{ n: number }]];
    same = Number(n) === last ? same + 1 : 0;
    last = Number(n);
    await new Promise((r) => setTimeout(r, 500));
  }
  const [fateRows] = (await c.query(
    'SELECT id, creation_type_id AS t, follows_id AS f, for_creator AS fc, for_owner AS fo FROM hermes_fates',
  )) as unknown as [{ id: number; t: number; f: number | null; fc: number; fo: number }[]];
  const fates: FateNode[] = fateRows.map((r) => ({
    id: r.id,
    creationTypeId: r.t,
    followsId: r.f,
    forCreator: !!r.fc,
    forOwner: !!r.fo,
  }));
  const [events] = (await c.query(
    'SELECT id, host_id AS hostId, event_type_id AS eventTypeId FROM hermes_events ORDER BY id',
  )) as unknown as [{ id: number; hostId: number; eventTypeId: number }[]];
  const open = new Map<number, OpenLabor[]>();
  let created = 0;
  let nextId = 1;
  for (const e of events) {
    const result = questionTheFates({ fates, openLabors: open.get(e.hostId) ?? [], events: [e] });
    const closed = new Set(result.closes.map((x) => x.laborId));
    const still = (open.get(e.hostId) ?? []).filter((l) => !closed.has(l.id));
    for (const l of result.newLabors) still.push({ id: nextId++, ...l });
    created += result.newLabors.length;
    open.set(e.hostId, still);
  }
  // Only the labors of the events read, should anything still have come in.
  const last = events.length ? events[events.length - 1].id : 0;
  const [[counts]] = (await c.query(
    `SELECT COUNT(*) AS total, SUM(completion_event_id IS NULL OR completion_event_id > ?) AS open
     FROM hermes_labors WHERE creation_event_id <= ?`,
    [last, last],
  )) as unknown as [[{ total: number; open: string }]];
  await c.end();
  const expectedOpen = [...open.values()].reduce((n, l) => n + l.length, 0);
  return {
    events: events.length,
    expected: [created, expectedOpen],
    actual: [Number(counts.total), Number(counts.open)],
  };
}

export async function run(): Promise<void> {
  const server = process.env.BENCH_DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306';
  const databaseUrl = await freshDatabase(server, 'ops_bench_hermes');
  const service = await startService(databaseUrl);
  try {
    await seedHosts(databaseUrl);
    const token = await login(service.url);
    await seedWorkflow(service.url, token);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    // Random host, random type: starts and closes mixed, as in real use.
    const body = () =>
      JSON.stringify({
        hostname: `node-${Math.floor(Math.random() * HOSTS)}`,
        eventTypeId: 1 + Math.floor(Math.random() * CHAINS * 2),
        user: 'bench',
        note: 'load',
      });
    const events = await load(`POST /hermes/api/v1/events, ${CONNECTIONS} conn, ${DURATION} s`, {
      url: `${service.url}/hermes/api/v1/events`,
      method: 'POST',
      headers,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: body() }) }],
    });
    const replay = await sequentialReplay(databaseUrl);

    const started = Date.now();
    const quest = await api(service.url, token, '/quests', {
      fateId: 1,
      creator: 'bench',
      description: 'every host',
      hostnames: Array.from({ length: HOSTS }, (_, i) => `node-${i}`),
    });
    const questSeconds = (Date.now() - started) / 1000;
    const questLabors = (quest.labors as unknown[]).length;

    report('hermes-events', 'npm run build && npm run bench -- hermes-events', [events], {
      database: 'MariaDB',
      hosts: HOSTS,
      fates: CHAINS * 2,
      eventsPerSecond: events.requestsPerSecond,
      laborsMatchSequential: replay.expected[0] === replay.actual[0] && replay.expected[1] === replay.actual[1],
      eventsReplayed: replay.events,
      labors: {
        sequentialTotal: replay.expected[0],
        total: replay.actual[0],
        sequentialOpen: replay.expected[1],
        open: replay.actual[1],
      },
      questOver10000HostsSeconds: questSeconds,
      questOpenLabors: questLabors,
    });
  } finally {
    service.stop();
  }
}
