import { SERVER_ENV, startServer } from './postgres';

/** Jest global setup of the store tests: one PostgreSQL server for the run, its place left in the environment. */
export default async function setup(): Promise<void> {
  const server = await startServer();
  // The workers are started after this and inherit it; the teardown reads it back.
  process.env[SERVER_ENV] = JSON.stringify(server);
}
