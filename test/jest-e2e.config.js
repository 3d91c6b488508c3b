// End-to-end specs: the real AppModule over HTTP on a fresh database per file
// (SQLite, or MariaDB/MySQL when TEST_DATABASE_URL is set).
module.exports = {
  rootDir: '..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  reporters: ['default', '<rootDir>/test/support/totals-reporter.js'],
  testTimeout: 60000,
  maxWorkers: 2,
};
