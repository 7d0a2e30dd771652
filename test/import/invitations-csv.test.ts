import { describe, expect, it } from 'vitest';
import {
  ExportFormatError,
  parseExportDate,
  parseInvitationsCsv,
} from '../../src/import/invitations-csv.js';

const HEADER = 'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl';

describe('parseInvitationsCsv', () => {
  it('reads rows with quoted commas, quotes and newlines, a BOM and CRLF', async () => {
    const csv = [
      `\uFEFF${HEADER}`,
      'Ana Diaz,Jane Park,"3/5/26, 1:45 AM","Hi Jane, great meeting you at ""SXSW"".\r\nCoffee?",OUTGOING,https://www.linkedin.com/in/ana,https://www.linkedin.com/in/jane-park',
      'Ana Diaz,Tom Reyes,2026-06-01 08:00 UTC,,OUTGOING,https://www.linkedin.com/in/ana,https://www.linkedin.com/in/tom',
      'Sam Lee,Ana Diaz,2026-06-02 09:30 UTC,Hi Ana,INCOMING,https://www.linkedin.com/in/sam,https://www.linkedin.com/in/ana',
    ].join('\r\n');
    const { invitations, skipped } = await parseInvitationsCsv(Buffer.from(csv));
    expect(skipped).toEqual([]);
    expect(invitations).toHaveLength(3);
    expect(invitations[0]).toEqual({
      from: 'Ana Diaz',
      to: 'Jane Park',
      sentAt: new Date('2026-03-05T01:45:00Z'),
      message: 'Hi Jane, great meeting you at "SXSW".\r\nCoffee?',
      direction: 'OUTGOING',
      inviterProfileUrl: 'https://www.linkedin.com/in/ana',
      inviteeProfileUrl: 'https://www.linkedin.com/in/jane-park',
      line: 3, // the message's newline: the row ends on the file's third line
    });
    expect(invitations[1]).toMatchObject({
      to: 'Tom Reyes',
      message: '',
      sentAt: new Date('2026-06-01T08:00:00Z'),
    });
    expect(invitations[2]?.direction).toBe('INCOMING');
  });

  it('skips rows it cannot read and says which line and why', async () => {
    const csv = [
      HEADER,
      'A,B,yesterday,,OUTGOING,,',
      'A,C,2026-06-01 08:00 UTC,,SIDEWAYS,,',
      'A,D,2/31/26 1:00 PM,,OUTGOING,,',
    ].join('\n');
    const { invitations, skipped } = await parseInvitationsCsv(csv);
    expect(invitations).toEqual([]);
    expect(skipped).toEqual([
      { line: 2, reason: 'unreadable date "yesterday"' },
      { line: 3, reason: 'unknown direction "SIDEWAYS"' },
      { line: 4, reason: 'unreadable date "2/31/26 1:00 PM"' },
    ]);
  });

  it.each([
    [
      'a wrong header',
      'Name,Email\nJane,jane@example.com',
      /not LinkedIn's Invitations\.csv: it lacks the columns From, To, Sent At/,
    ],
    ['an empty file', '', /lacks the columns/],
    ['broken quoting', `${HEADER}\nA,"B,2026-06-01 08:00 UTC,,OUTGOING,,`, /not a readable CSV/],
    ['binary data', 'PK\u0003\u0004\u0000\u0000', /not a text file/],
  ])('refuses %s with a clear reason', async (_, csv, message) => {
    await expect(parseInvitationsCsv(csv)).rejects.toThrow(ExportFormatError);
    await expect(parseInvitationsCsv(csv)).rejects.toThrow(message);
  });

  it('refuses a 20 MB file before parsing it', async () => {
    await expect(parseInvitationsCsv(Buffer.alloc(20 * 1024 * 1024, 'a'))).rejects.toThrow(
      /20\.0 MB/,
    );
  });

  it.each([
    ['a quote inside an unquoted name', 'Me,Ana "Nick" Lima,2026-06-01 08:00 UTC,,OUTGOING,,', 3],
    ['text after a closing quote', 'Me,"Ana" Lima,2026-06-01 08:00 UTC,,OUTGOING,,', 3],
  ])('reports %s as a stray quote on its line', async (_, row, line) => {
    const csv = [HEADER, 'Me,Bo,2026-06-01 08:00 UTC,,OUTGOING,,', row, 'Me,Cy,,,OUTGOING,,'].join(
      '\r\n',
    );
    await expect(parseInvitationsCsv(csv)).rejects.toThrow(
      new RegExp(`not a readable CSV: line ${line} has a stray quote`),
    );
  });

  it('reports a quote that never closes with the line it opens on, not the end of the file', async () => {
    const csv = [
      HEADER,
      'Me,Bo,2026-06-01 08:00 UTC,,OUTGOING,,',
      'Me,Cy,2026-06-01 08:00 UTC,"Hi Cy,OUTGOING,,',
      'Me,Di,2026-06-01 08:00 UTC,,OUTGOING,,',
      'Me,Ed,2026-06-01 08:00 UTC,,OUTGOING,,',
    ].join('\r\n');
    await expect(parseInvitationsCsv(csv)).rejects.toThrow(
      /a quoted field that starts on line 3 never closes/,
    );
  });

  it('reads a file cut into slices anywhere: inside a quoted field, a CRLF or a character', async () => {
    const csv = Buffer.from(
      [
        `\uFEFF${HEADER}`,
        'Me,Zoë Brontë,2026-06-01 08:00 UTC,"Hi Zoë 👋🏽, ""quoted"",\r\nsee you",OUTGOING,,',
        '',
        'Me,Bo,2026-06-02 08:00 UTC,,OUTGOING,,',
        'Me,Cy,2026-06-02 08:00 UTC,"Hi\nCy\r\n",OUTGOING,,',
      ].join('\r\n'),
    );
    const whole = await parseInvitationsCsv(csv);
    expect(whole.invitations.map((i) => [i.to, i.line])).toEqual([
      ['Zoë Brontë', 3],
      ['Bo', 5], // after a blank line
      ['Cy', 8],
    ]);
    for (const sliceBytes of [1, 2, 3, 5, 7]) {
      expect(await parseInvitationsCsv(csv, { sliceBytes })).toEqual(whole);
    }
  });
});

describe('parseExportDate', () => {
  it.each([
    ['3/5/26, 1:45 AM', '2026-03-05T01:45:00.000Z'],
    ['12/31/25, 11:59 PM', '2025-12-31T23:59:00.000Z'],
    ['1/1/2026 12:00 AM', '2026-01-01T00:00:00.000Z'],
    ['1/1/26, 12:30 PM', '2026-01-01T12:30:00.000Z'],
    ['2026-06-01 08:00 UTC', '2026-06-01T08:00:00.000Z'],
    ['2026-06-01 08:00:30', '2026-06-01T08:00:30.000Z'],
  ])('%s', (value, iso) => {
    expect(parseExportDate(value)?.toISOString()).toBe(iso);
  });

  it.each(['', 'soon', '13/1/26, 1:00 AM', '2026-02-30 08:00 UTC'])('rejects %j', (value) => {
    expect(parseExportDate(value)).toBeUndefined();
  });
});
