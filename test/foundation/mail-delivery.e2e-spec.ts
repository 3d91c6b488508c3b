import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Application } from '../../src/cmdb/inventory/entities/application.entity';
import { ApplicationInstance } from '../../src/cmdb/inventory/entities/application-instance.entity';
import { ResponsePerson, ResponsePersonType } from '../../src/cmdb/inventory/entities/response-person.entity';
import { CLAIM_MS, MailDeliveryService } from '../../src/common/mail/mail-delivery.service';
import { MailMessage } from '../../src/common/mail/mail-message.entity';
import { createUser } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { HermesClient } from '../hermes/hermes-client';

interface Delivered {
  from: string;
  to: string[];
  data: string;
}

/** A real SMTP server on a free loopback port that keeps what it receives. */
async function startSmtp(): Promise<{ url: string; delivered: Delivered[]; close: () => Promise<void> }> {
  const delivered: Delivered[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        delivered.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, delivered, close: () => new Promise((r) => server.close(() => r())) };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createTcpServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

async function until<T>(what: () => Promise<T | undefined>, ms = 10000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('mail delivery over SMTP (SMTP_URL)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'hermes@ops.example', HERMES_DOMAIN: 'example.com' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('delivers quest mail from the outbox and marks it sent', async () => {
    const c = new HermesClient(t, await t.adminToken());
    await c.create('/eventtypes', { category: 'patch', state: 'needed', description: 'd' });
    await c.create('/fates', { creationEventTypeId: 1, description: 'f' });
    const owner = await createUser(t, 'owner', 'owner-password', { email: 'owner@corp.example' });
    await c.create('/quests', { fateId: 1, creator: 'lead', description: 'patch web', hostnames: ['web-1'] });
    const app = await t.dataSource.getRepository(Application).save({ name: 'web', fullName: 'web' });
    await t.dataSource.getRepository(ApplicationInstance).save({ applicationId: app.id, hostId: 1 });
    await t.dataSource
      .getRepository(ResponsePerson)
      .save({ applicationId: app.id, userId: owner.id, type: ResponsePersonType.OPS });
    const res = await c.create('/quests/1/mail', {
      serverOwners: true,
      from: 'lead@example.com',
      subject: 'Patch tonight',
      message: 'Please patch web-1',
    });
    expect(res.status).toBe(201);

    const mail = await until(async () => smtp.delivered.find((d) => d.to.includes('owner@corp.example')));
    expect(mail.from).toBe('hermes@ops.example');
    expect(mail.data).toContain('Subject: Patch tonight');
    expect(mail.data).toContain('Please patch web-1');
    expect(mail.data).toContain('/hermes/api/v1/quests/1');
    const row = await until(async () => {
      const m = await t.dataSource.getRepository(MailMessage).findOneBy({ recipient: 'owner@corp.example' });
      return m?.status === 'sent' ? m : undefined;
    });
    expect(row).toMatchObject({ attempts: 1, lastError: null, sentAt: expect.any(Date) });
  });

  it('sends again a message whose sending node died once its claim has lapsed, and only then', async () => {
    const mails = t.dataSource.getRepository(MailMessage);
    const claim = (ms: number) => new Date(Date.now() + ms);
    const lapsed = await mails.save(
      mails.create({
        recipient: 'lapsed@example.com',
        subject: 'lapsed',
        body: 'b',
        status: 'sending',
        attempts: 1,
        nextAttemptAt: claim(-1000),
      }),
    );
    const held = await mails.save(
      mails.create({
        recipient: 'held@example.com',
        subject: 'held',
        body: 'b',
        status: 'sending',
        attempts: 1,
        nextAttemptAt: claim(CLAIM_MS),
      }),
    );
    await t.app.get(MailDeliveryService).deliverDue();
    await until(async () => smtp.delivered.find((d) => d.to.includes('lapsed@example.com')));
    const row = await until(async () => {
      const m = await mails.findOneByOrFail({ id: lapsed.id });
      return m.status === 'sent' ? m : undefined;
    });
    expect(row.attempts).toBe(2);
    expect(smtp.delivered.some((d) => d.to.includes('held@example.com'))).toBe(false);
    expect((await mails.findOneByOrFail({ id: held.id })).status).toBe('sending');
  });
});

describe('mail delivery when the SMTP server cannot be reached', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${await closedPort()}` });
  });
  afterAll(() => t.close());

  it('keeps the message pending with a later attempt time, and never loses it', async () => {
    const mails = t.dataSource.getRepository(MailMessage);
    const queued = await mails.save(mails.create({ recipient: 'x@example.com', subject: 's', body: 'secret body' }));
    const delivery = t.app.get(MailDeliveryService);
    // The loop may already have tried; one more pass makes sure.
    await delivery.deliverDue();
    const row = await until(async () => {
      const m = await mails.findOneByOrFail({ id: queued.id });
      return m.attempts >= 1 && m.status === 'pending' ? m : undefined;
    });
    expect(row.nextAttemptAt?.getTime()).toBeGreaterThan(Date.now());
    expect(row.lastError).toEqual(expect.any(String));
    expect(row.lastError).not.toContain('secret body');
    // Not due yet: another pass leaves it alone.
    await delivery.deliverDue();
    expect((await mails.findOneByOrFail({ id: queued.id })).attempts).toBe(row.attempts);
  });
});
