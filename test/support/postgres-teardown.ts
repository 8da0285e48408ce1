import { SERVER_ENV, stopServer, type TestServer } from './postgres';

/** Jest global teardown of the store tests: stops the run's PostgreSQL server (it runs when tests fail or time out too). */
export default function teardown(): void {
  const raw = process.env[SERVER_ENV];
  if (raw !== undefined) stopServer(JSON.parse(raw) as TestServer);
}
