import type { Db } from '@nanshan/db';
import { lockApplication, OPEN_STATES, requireStatus, transition } from './workflow';

/** The applicant withdraws an application nothing has been decided on (申报主体 chooses, Art. 15). */
export async function withdrawApplication(
  db: Db,
  input: { enterpriseId: string; applicationId: string; note: string; userId: string; now: Date },
) {
  return db.transaction(async (tx) => {
    const app = await lockApplication(tx, input.applicationId, input.enterpriseId);
    requireStatus(app, OPEN_STATES, 'grant_not_withdrawable');
    const updated = await transition(tx, {
      app,
      to: 'withdrawn',
      note: input.note,
      actorUserId: input.userId,
      now: input.now,
    });
    return { status: updated.status };
  });
}
