import { defineConfig } from 'drizzle-kit';

// The PostgreSQL engine's migrations (`npm run db:generate` runs this and drizzle.config.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/pg-schema/index.ts',
  out: './server/db/pg-migrations',
});
