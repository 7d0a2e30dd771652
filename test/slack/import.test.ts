import { describe, expect, it } from 'vitest';
import { ExportFormatError, MAX_EXPORT_BYTES } from '../../src/import/invitations-csv.js';
import { downloadFile, refuseBeforeDownload } from '../../src/slack/services/import.js';

const file = {
  id: 'F1',
  name: 'Invitations.csv',
  filetype: 'csv',
  size: 10,
  url_private_download: 'https://files.slack.com/files-pri/T1-F1/download/invitations.csv',
};

/** A response streamed in 1 MB chunks, with no content-length, counting the chunks read. */
function streamed(megabytes: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= megabytes) {
        controller.close();
        return;
      }
      pulled++;
      controller.enqueue(new Uint8Array(1024 * 1024));
    },
  });
  return { response: new Response(body), pulled: () => pulled };
}

describe('downloadFile', () => {
  it('stops reading past the limit when the size was not announced', async () => {
    const { response, pulled } = streamed(50);
    expect(response.headers.get('content-length')).toBeNull();
    await expect(
      downloadFile(file, {
        token: 'xoxb-t',
        allowedOrigins: ['https://files.slack.com'],
        fetch: async () => response,
      }),
    ).rejects.toBeInstanceOf(ExportFormatError);
    expect(pulled()).toBeLessThan(50);
    expect(pulled()).toBeGreaterThan(MAX_EXPORT_BYTES / 1024 / 1024);
  });

  it('sends the bot token, only to an allowed origin', async () => {
    let auth: string | null = null;
    const data = await downloadFile(file, {
      token: 'xoxb-t',
      allowedOrigins: ['https://files.slack.com'],
      fetch: async (_url, init) => {
        auth = new Headers(init?.headers).get('authorization');
        return new Response('a,b', { headers: { 'content-type': 'text/csv' } });
      },
    });
    expect(data.toString()).toBe('a,b');
    expect(auth).toBe('Bearer xoxb-t');
    await expect(
      downloadFile(file, { token: 'xoxb-t', allowedOrigins: ['https://slack.com'] }),
    ).rejects.toThrow(/refusing/);
  });
});

describe('refuseBeforeDownload', () => {
  it('accepts a CSV by name, file type or MIME type', () => {
    expect(refuseBeforeDownload(file)).toBeUndefined();
    expect(
      refuseBeforeDownload({ ...file, name: 'x', filetype: 'text', mimetype: 'text/csv' }),
    ).toBeUndefined();
  });

  it('refuses another type, a file over the limit, a file without a URL', () => {
    expect(refuseBeforeDownload({ ...file, name: 'a.xlsx', filetype: 'xlsx' })).toMatch(
      /not a CSV/,
    );
    expect(refuseBeforeDownload({ ...file, size: MAX_EXPORT_BYTES + 1 })).toMatch(/MB/);
    expect(refuseBeforeDownload({ ...file, url_private_download: undefined })).toMatch(
      /could not get/,
    );
  });

  it('escapes a file name holding Slack markup', () => {
    expect(refuseBeforeDownload({ ...file, name: '<!channel>.png', filetype: 'png' })).toContain(
      '&lt;!channel&gt;.png',
    );
  });
});
