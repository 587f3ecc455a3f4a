import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migratePg } from '../db/pg-migrate';
import { startPgCluster } from './pg-cluster';
import { TEMPLATE_DATABASE } from './pg-database';

/**
 * One throwaway PostgreSQL cluster for the whole test run, with a migrated template database
 * that each test file copies (`CREATE DATABASE … TEMPLATE`, a file copy: much faster than
 * migrating). Without PostgreSQL's server binaries the run fails, telling what to install.
 */
export default async function setup(project: TestProject) {
  const cluster = await startPgCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    await admin.end();
    const template = new pg.Pool({ connectionString: cluster.urlOf(TEMPLATE_DATABASE), max: 1 });
    await migratePg(template);
    await template.end();
  } catch (error) {
    cluster.stop();
    throw error;
  }
  project.provide('pgClusterUrl', cluster.url);
  return () => cluster.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgClusterUrl: string;
  }
}
