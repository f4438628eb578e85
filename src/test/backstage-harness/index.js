// Minimal Backstage backend for Skill Exchange tests: notifications + signals + auth (guest provider)
// Start:  NOTIFY_TOKEN=... node index.js --config app-config.yaml --config app-config.pg.yaml
// Optional env switches:
//   ENABLE_TEST_USER_PROVIDER=true  -> GET /api/auth/test-user/refresh?user=<name> mints a user token (TEST ONLY)
//   ENABLE_SIGNALS=false            -> leave out the signals backend (websocket push to browsers)
//   ENABLE_CATALOG=true             -> adds the catalog backend (needed for group/component recipients, Slack)
//   ENABLE_SLACK=true               -> adds the Slack processor module (config: notifications.processors.slack)
//   SLACK_API_URL=http://127.0.0.1:7080/api/  -> points the Slack WebClient at a local simulator
// Port: APP_CONFIG_backend_listen_port + APP_CONFIG_backend_baseUrl (Backstage config env overrides).
if (process.env.SLACK_API_URL) {
  // The Slack module builds `new WebClient(token)` without options; its API URL is not configurable.
  // Swap the class the package getter returns for a subclass defaulting slackApiUrl (before the module loads).
  const wc = require(require.resolve('@slack/web-api/dist/WebClient', {
    paths: [require.resolve('@backstage/plugin-notifications-backend-module-slack')],
  }));
  const Orig = wc.WebClient;
  wc.WebClient = class extends Orig {
    constructor(token, opts = {}) {
      super(token, { slackApiUrl: process.env.SLACK_API_URL, ...opts });
    }
  };
}

const { createBackend } = require('@backstage/backend-defaults');

const backend = createBackend();
backend.add(require('@backstage/plugin-auth-backend'));
backend.add(require('@backstage/plugin-auth-backend-module-guest-provider'));
if (process.env.ENABLE_SIGNALS !== 'false') {
  // real-time push to browsers (websocket); notifications work without it
  backend.add(require('@backstage/plugin-signals-backend'));
}
backend.add(require('@backstage/plugin-notifications-backend'));
if (process.env.ENABLE_TEST_USER_PROVIDER === 'true') {
  backend.add(require('./test-user-provider'));
}
if (process.env.ENABLE_CATALOG === 'true') {
  backend.add(require('@backstage/plugin-catalog-backend'));
}
if (process.env.ENABLE_SLACK === 'true') {
  backend.add(require('@backstage/plugin-notifications-backend-module-slack'));
}
backend.start();
