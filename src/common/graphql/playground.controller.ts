import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/decorators';

/** Asset paths mounted by app.setup.ts from local node_modules: nothing loads from a CDN. */
export const PLAYGROUND_ASSETS = {
  graphiql: '/playground/vendor/graphiql/',
  react: '/playground/vendor/react/',
  reactDom: '/playground/vendor/react-dom/',
};

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>GraphQL playground</title>
    <link rel="stylesheet" href="${PLAYGROUND_ASSETS.graphiql}graphiql.min.css" />
    <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
  </head>
  <body>
    <div id="graphiql">Loading…</div>
    <script src="${PLAYGROUND_ASSETS.react}react.production.min.js"></script>
    <script src="${PLAYGROUND_ASSETS.reactDom}react-dom.production.min.js"></script>
    <script src="${PLAYGROUND_ASSETS.graphiql}graphiql.min.js"></script>
    <script src="/playground/init.js"></script>
  </body>
</html>
`;

// Kept in its own file so a strict Content-Security-Policy needs no inline script.
const INIT = `const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
const defaultHeaders = JSON.stringify({ Authorization: 'Bearer <access_token from the login mutation>' }, null, 2);
const defaultQuery = '# Log in, then paste the token into the Headers tab.\\n' +
  'mutation { login(input: { username: "admin", password: "..." }) { accessToken expiresIn } }\\n';
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultHeaders, defaultQuery, shouldPersistHeaders: true }),
);
`;

@Public()
@ApiExcludeController()
@Controller('playground')
export class PlaygroundController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    return PAGE;
  }

  @Get('init.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  init(): string {
    return INIT;
  }
}
