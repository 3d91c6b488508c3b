import { createTestApp, TestApp } from '../support/test-app';

/** URLs outside this machine in a page (XML namespaces are identifiers, not requests). */
function externalUrls(html: string): string[] {
  return (html.match(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^"'\s)]*/gi) ?? []).filter(
    (u) => !u.includes('www.w3.org/'),
  );
}

describe('service foundation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports healthy with the database up', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body.info.database.status).toBe('up');
  });

  it('tags every answer with a request id, keeping a sane one sent by the caller', async () => {
    const mine = await t.http.get('/health').set('X-Request-Id', 'trace-123');
    expect(mine.headers['x-request-id']).toBe('trace-123');
    const bogus = await t.http.get('/health').set('X-Request-Id', 'not valid <script>');
    expect(bogus.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers { __typename } over /graphql with a token', async () => {
    const res = await t.graphql('{ __typename }', undefined, await t.adminToken()).expect(200);
    expect(res.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('supports introspection', async () => {
    const res = await t.graphql('{ __schema { queryType { name } } }', undefined, await t.adminToken()).expect(200);
    expect(res.body.data.__schema.queryType.name).toBe('Query');
  });

  it('serves the GraphiQL playground with local assets only', async () => {
    const page = await t.http
      .get('/playground')
      .expect(200)
      .expect('Content-Type', /text\/html/);
    expect(externalUrls(page.text)).toEqual([]);
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      const res = await t.http.get(asset).expect(200);
      expect(externalUrls(res.text ?? '').filter((u) => /\.(js|css)(\?|$)/.test(u))).toEqual([]);
    }
    const init = await t.http.get('/playground/init.js').expect(200);
    expect(init.text).toContain("createFetcher({ url: '/graphql' })");
  });

  it('serves the OpenAPI description and a local Swagger UI', async () => {
    const json = await t.http.get('/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/auth/login', '/health']));
    const ui = await t.http.get('/docs').expect(200);
    expect(externalUrls(ui.text)).toEqual([]);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await t.http.get('/no/such/route').expect(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Cannot GET /no/such/route' });
  });
});

describe('GraphQL query depth limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ GRAPHQL_DEPTH_LIMIT: '1' });
  });
  afterAll(() => t.close());

  it('refuses a query deeper than GRAPHQL_DEPTH_LIMIT', async () => {
    const token = await t.adminToken();
    const shallow = await t.graphql('{ me { username } }', undefined, token).expect(200);
    expect(shallow.body.data.me.username).toBe('admin');
    const deep = await t.graphql('{ auditEntries { items { id } } }', undefined, token).expect(400);
    expect(deep.body.errors[0].message).toMatch(/exceeds maximum operation depth of 1/);
  });
});
