/** `pnpm db:seed`: migrates, then loads the demo data (idempotent). */
import { migrate } from '@nanshan/db';
import { shenzhenYear, systemClock } from '../clock';
import { DEMO_PASSWORD, demoUsers } from '../seed/demo-data';
import { seedDemo } from '../seed/seed-demo';
import { configFromEnv } from '../server/config';

const { database, auth } = configFromEnv();
await migrate(database);
await seedDemo(database.db, auth, shenzhenYear(systemClock()));
console.log(
  `demo data ready on ${database.kind} (${database.location}); password for every demo account: ${DEMO_PASSWORD}`,
);
for (const u of Object.values(demoUsers)) console.log(`  ${u.role.padEnd(8)} ${u.email}`);
await database.close();
