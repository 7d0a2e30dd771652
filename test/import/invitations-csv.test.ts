import { describe, expect, it } from 'vitest';
import {
  ExportFormatError,
  parseExportDate,
  parseInvitationsCsv,
} from '../../src/import/invitations-csv.js';

const HEADER = 'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl';

describe('parseInvitationsCsv', () => {
  it('reads rows with quoted commas, quotes and newlines, a BOM and CRLF', () => {
    const csv = [
      `\uFEFF${HEADER}`,
      'Ana Diaz,Jane Park,"3/5/26, 1:45 AM","Hi Jane, great meeting you at ""SXSW"".\r\nCoffee?",OUTGOING,https://www.linkedin.com/in/ana,https://www.linkedin.com/in/jane-park',
      'Ana Diaz,Tom Reyes,2026-06-01 08:00 UTC,,OUTGOING,https://www.linkedin.com/in/ana,https://www.linkedin.com/in/tom',
      'Sam Lee,Ana Diaz,2026-06-02 09:30 UTC,Hi Ana,INCOMING,https://www.linkedin.com/in/sam,https://www.linkedin.com/in/ana',
    ].join('\r\n');
    const { invitations, skipped } = parseInvitationsCsv(Buffer.from(csv));
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
    });
    expect(invitations[1]).toMatchObject({
      to: 'Tom Reyes',
      message: '',
      sentAt: new Date('2026-06-01T08:00:00Z'),
    });
    expect(invitations[2]?.direction).toBe('INCOMING');
  });

  it('skips rows it cannot read and says which line and why', () => {
    const csv = [
      HEADER,
      'A,B,yesterday,,OUTGOING,,',
      'A,C,2026-06-01 08:00 UTC,,SIDEWAYS,,',
      'A,D,2/31/26 1:00 PM,,OUTGOING,,',
    ].join('\n');
    const { invitations, skipped } = parseInvitationsCsv(csv);
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
  ])('refuses %s with a clear reason', (_, csv, message) => {
    expect(() => parseInvitationsCsv(csv)).toThrow(ExportFormatError);
    expect(() => parseInvitationsCsv(csv)).toThrow(message);
  });

  it('refuses a 20 MB file before parsing it', () => {
    expect(() => parseInvitationsCsv(Buffer.alloc(20 * 1024 * 1024, 'a'))).toThrow(/20\.0 MB/);
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
