/**
 * Issue 10, "Honest advice on Basic": a check through the real HTTP receiver,
 * for a user whose ledger shows few personalised notes left this month, says
 * that sending without a note keeps one for someone they know — only when the
 * note has no context, only on Basic. The clock is fixed mid-month.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAccount } from '../../src/store/settings.js';
import { AppUnderTest } from './harness/app-under-test.js';

const NOW = new Date('2026-03-17T10:00:00Z');
const TEAM = 'T111';
const NO_CONTEXT = "Hello! Hope you're having a great week. Let's connect.";
const WITH_CONTEXT =
  'Hi Sam, we met at the Lisbon meetup. Could I send you the article I mentioned?';

let t: AppUnderTest;
beforeAll(async () => {
  t = await new AppUnderTest({ clock: () => NOW }).start();
});
afterAll(async () => {
  await t?.stop();
});

/** A user who sent `notes` invitations with a note (and one without) earlier this month. */
async function userWithNotesSent(userId: string, notes: number): Promise<void> {
  const ledger = t.deps().ledger;
  const scope = { teamId: TEAM, userId };
  for (let i = 0; i < notes; i++) {
    await ledger.logSend(scope, {
      recipient: { name: `Person ${i}` },
      noteLength: 80,
      source: 'manual',
      sentAt: new Date(NOW.getTime() - (i + 1) * 86_400_000),
    });
  }
  await ledger.logSend(scope, { recipient: { name: 'No Note' }, noteLength: 0, source: 'manual' });
}

type Block = { type: string; text?: { text: string }; elements?: { text: string }[] };
async function check(note: string, userId: string): Promise<string> {
  const res = await t.command(note, { user_id: userId });
  expect(res.status).toBe(200);
  const blocks = (res.json().blocks as Block[]) ?? [];
  return blocks
    .flatMap((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => e.text)])
    .join('\n');
}

describe('advice on Basic when notes run low', () => {
  it('with one note left, a note without context is told to go without one', async () => {
    await userWithNotesSent('UADVICE1', 2);
    const shown = await check(NO_CONTEXT, 'UADVICE1');
    expect(shown).toContain('1 personalised note left this month');
    expect(shown).toContain('You have 1 personalised note left this month');
    expect(shown).toContain(
      'Sending the invitation without a note keeps a note for someone you know',
    );
    expect(shown).toContain('about the same');
  });

  it('with none left, says to send it without a note', async () => {
    await userWithNotesSent('UADVICE0', 3);
    const shown = await check(NO_CONTEXT, 'UADVICE0');
    expect(shown).toContain('No personalised notes left this month');
    expect(shown).toContain('send the invitation without a note');
  });

  it('says nothing of it when the note says how they know each other', async () => {
    await userWithNotesSent('UADVICE2', 2);
    const shown = await check(WITH_CONTEXT, 'UADVICE2');
    expect(shown).toContain('1 personalised note left this month');
    expect(shown).not.toContain('without a note');
  });

  it('says nothing of it while notes are plentiful, or on Premium', async () => {
    await userWithNotesSent('UADVICE3', 1);
    expect(await check(NO_CONTEXT, 'UADVICE3')).not.toContain('without a note');
    await userWithNotesSent('UADVICE4', 3);
    await setAccount(t.store, { teamId: TEAM, userId: 'UADVICE4' }, 'premium');
    const premium = await check(NO_CONTEXT, 'UADVICE4');
    expect(premium).toContain('Premium account');
    expect(premium).not.toContain('without a note');
  });

  it('says nothing of it to a user without a ledger', async () => {
    expect(await check(NO_CONTEXT, 'UADVICE5')).not.toContain('without a note');
  });
});
