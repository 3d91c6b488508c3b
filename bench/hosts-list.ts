// Host lists over REST (platform family) and GraphQL, with addresses and
// applications, on MariaDB: 10,000 hosts, 30,000 IPs, 2,000 applications.
import { createConnection } from 'mysql2/promise';
import { databasePid, freshDatabase, load, login, report, startService } from './support';

const HOSTS = 10_000;
const APPS = 2_000;

async function seed(databaseUrl: string): Promise<void> {
  const c = await createConnection({ uri: databaseUrl });
  const insert = async (sql: string, rows: unknown[][]) => {
    for (let i = 0; i < rows.length; i += 1000) await c.query(sql, [rows.slice(i, i + 1000)]);
  };
  const now = new Date();
  await insert(
    'INSERT INTO hosts (name, host_type, status, ssh_port, is_initialized, created_at, updated_at) VALUES ?',
    Array.from({ length: HOSTS }, (_, i) => [`web-${i}`, 'ALI_ECS', 'attached', 22, 1, now, now]),
  );
  const [hosts] = (await c.query('SELECT id FROM hosts ORDER BY id')) as unknown as [{ id: number }[]];
  await insert(
    'INSERT INTO ip_addresses (host_id, address, addr_type, owner, is_virtual) VALUES ?',
    hosts.flatMap((h, i) => [
      [h.id, `10.${(i >> 8) & 255}.${i & 255}.1`, 'PRIVATE', 'HOST', 0],
      [h.id, `10.${(i >> 8) & 255}.${i & 255}.2`, 'PRIVATE', 'HOST', 1],
      [h.id, `198.${(i >> 8) & 255}.${i & 255}.1`, 'PUBLIC', 'HOST', 0],
    ]),
  );
  await insert(
    'INSERT INTO applications (name, full_name, created_at, updated_at) VALUES ?',
    Array.from({ length: APPS }, (_, i) => [`app-${i}`, `app-${i}`, now, now]),
  );
  const [apps] = (await c.query('SELECT id FROM applications ORDER BY id')) as unknown as [{ id: number }[]];
  await insert(
    'INSERT INTO application_instances (application_id, host_id, status, created_at) VALUES ?',
    hosts.map((h, i) => [apps[i % APPS].id, h.id, 'running', now]),
  );
  await c.end();
}

export async function run(): Promise<void> {
  const server = process.env.BENCH_DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306';
  const databaseUrl = await freshDatabase(server, 'ops_bench_hosts');
  const service = await startService(databaseUrl); // migrations run at start-up
  try {
    const started = Date.now();
    await seed(databaseUrl);
    const seedSeconds = (Date.now() - started) / 1000;
    const token = await login(service.url);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const query = '{ hosts(first: 50) { items { id name ips { address addrType } applications { name } } } }';
    const figures = [];
    const graphql = {
      url: `${service.url}/graphql`,
      method: 'POST' as const,
      headers,
      body: JSON.stringify({ query }),
    };
    const rest = { url: `${service.url}/platform/hosts/?page_size=50`, headers };
    const processes = { service: service.pid, database: databasePid() };
    // One connection shows the latency of a request alone; ten show throughput under queueing.
    for (const connections of [1, 10]) {
      const conn = `${connections} conn`;
      figures.push(await load(`REST /platform/hosts/?page_size=50, ${conn}`, { ...rest, connections }, processes));
      figures.push(
        await load(`GraphQL hosts(first: 50) + ips + apps, ${conn}`, { ...graphql, connections }, processes),
      );
    }
    report('hosts-list', 'npm run build && npm run bench -- hosts-list', figures, {
      hosts: HOSTS,
      ips: HOSTS * 3,
      applications: APPS,
      seedSeconds,
      database: 'MariaDB',
    });
  } finally {
    service.stop();
  }
}
