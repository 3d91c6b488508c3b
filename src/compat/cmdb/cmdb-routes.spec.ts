import { Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { CmdbIdPipe } from './cmdb-params';
import { otherMethods, routeTable } from './cmdb-routes';

@Controller('api/v0.1/ci')
class ExampleController {
  @Get(['s', 'search'])
  search() {}

  @Post()
  create() {}

  @Get(':id')
  get() {}

  @Delete(':id')
  remove(@Param('id', CmdbIdPipe) _id: number) {}
}

describe('the route table', () => {
  const routes = routeTable('/cmdb', [ExampleController]);

  it('reads every path of every handler under the prefix', () => {
    expect(routes.map((r) => `${r.method} /${r.segments.join('/')}`)).toEqual([
      'GET /cmdb/api/v0.1/ci/s',
      'GET /cmdb/api/v0.1/ci/search',
      'POST /cmdb/api/v0.1/ci',
      'GET /cmdb/api/v0.1/ci/:id',
      'DELETE /cmdb/api/v0.1/ci/:id',
    ]);
  });

  it('answers the other methods of a known path asked with the wrong one', () => {
    expect(otherMethods(routes, 'PUT', '/cmdb/api/v0.1/ci/s')).toEqual(['GET']);
    expect(otherMethods(routes, 'GET', '/cmdb/api/v0.1/ci')).toEqual(['POST']);
  });

  it('leaves known methods, HEAD of a GET and unknown paths alone', () => {
    expect(otherMethods(routes, 'GET', '/cmdb/api/v0.1/ci/7')).toBeUndefined();
    expect(otherMethods(routes, 'HEAD', '/cmdb/api/v0.1/ci/7')).toBeUndefined();
    expect(otherMethods(routes, 'GET', '/cmdb/api/v0.1/nothing')).toBeUndefined();
    expect(otherMethods(routes, 'GET', '/api/v0.1/ci/7')).toBeUndefined();
  });

  it('matches an id read through CmdbIdPipe with digits only, as the original int routes', () => {
    expect(otherMethods(routes, 'PUT', '/cmdb/api/v0.1/ci/7')).toEqual(['DELETE', 'GET']);
    // `GET /ci/:id` takes any segment; `DELETE /ci/:id` only an int.
    expect(otherMethods(routes, 'PUT', '/cmdb/api/v0.1/ci/abc')).toEqual(['GET']);
  });
});
