/**
 * Creates (or promotes) a district staff account:
 *   pnpm admin:create --email staff@nanshan.gov.cn --password '…' --name '王审核'
 */
import { parseArgs } from 'node:util';
import { migrate } from '@nanshan/db';
import { ensureUser } from '../auth/ensure-user';
import { configFromEnv } from '../server/config';

const { values } = parseArgs({
  options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
});
if (!values.email || !values.password || values.password.length < 8) {
  console.error(
    'usage: pnpm admin:create --email <email> --password <at least 8 characters> [--name <name>]',
  );
  process.exit(2);
}
const { database, auth } = configFromEnv();
await migrate(database);
const result = await ensureUser(auth, database.db, {
  email: values.email,
  password: values.password,
  name: values.name ?? values.email,
  role: 'admin',
});
console.log(`${result.created ? 'created' : 'promoted existing user to'} admin ${values.email}`);
await database.close();
