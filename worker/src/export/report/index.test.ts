import type { PackIndexEntry, PackIndexFile } from '@wardguard/shared';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedReportFonts, textWidth, type ReportFont } from './fonts.ts';
import { renderReport, type ReportInput } from './index.ts';
import { drawnImages, makePng, pageRuns, pageTexts } from './testing.ts';
import { PAGE } from './writer.ts';

const FINGERPRINT = 'f'.repeat(8) + '0123456789abcdef'.repeat(3) + 'e'.repeat(8);
const KEY = 'MCowBQYDK2VwAyEAq83vEjb3jXqL9bE0s1Hq3tCnQ8mUo2dUe1b4aZcY0uI=';
const KEY_URL = 'https://wardguard.example-council.gov.uk/.well-known/wardguard-pack-key';
const VERIFY_URL = 'https://wardguard.example-council.gov.uk/#/verify';
const sha = (n: number) => n.toString(16).padStart(2, '0').repeat(32);
const screenshot = makePng(64, 40, (x, y) => [x * 4, y * 6, 120, 255]);

function file(ref: string, name: string, mediaType: string, size: number, n: number): PackIndexFile {
  return { path: `exhibits/${ref.replace('/', '-')}/${name}`, name, mediaType, size, sha256: sha(n) };
}

function entry(over: Partial<PackIndexEntry> & Pick<PackIndexEntry, 'exhibitRef' | 'kind'>): PackIndexEntry {
  return {
    itemId: `item-${over.exhibitRef}`,
    title: `Exhibit ${over.exhibitRef}`,
    platform: null,
    url: null,
    canonicalUrl: null,
    permalink: null,
    authorHandle: null,
    authorDisplayName: null,
    authorId: null,
    authorProfileUrl: null,
    postId: null,
    postText: null,
    postTime: null,
    postTimeText: null,
    replyTo: null,
    capturedAt: '2025-03-01T10:00:00.000Z',
    captureTimeZone: null,
    capturedBy: 'Jane Smith',
    tool: null,
    userAgent: null,
    pageActions: [],
    perpetrator: null,
    email: null,
    files: [],
    ...over,
  };
}

const webCapture = entry({
  exhibitRef: 'JS/1',
  kind: 'web_capture',
  title: 'Reply calling the councillor a traitor',
  platform: 'x',
  url: 'https://x.com/angry_dave/status/1893456789012345678',
  permalink: 'https://x.com/angry_dave/status/1893456789012345678',
  authorHandle: '@angry_dave',
  authorDisplayName: 'Dave',
  authorId: '1234567890',
  authorProfileUrl: 'https://x.com/angry_dave',
  postId: '1893456789012345678',
  postText: 'You are a traitor and everyone knows where you live.',
  postTime: '2025-03-01T09:12:00.000Z',
  postTimeText: '9:12 AM · Mar 1, 2025',
  capturedAt: '2025-03-01T10:00:00.000Z',
  captureTimeZone: 'Europe/London',
  tool: 'Wardguard extension 0.1.0',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/136.0',
  pageActions: ['Clicked "Show more" on the post'],
  perpetrator: { id: 'p1', displayName: 'Dave Angry' },
  files: [file('JS/1', 'full-page-annotated.png', 'image/png', screenshot.length, 1), file('JS/1', 'page.html', 'text/html', 51234, 2)],
});
const email = entry({
  exhibitRef: 'JS/2',
  kind: 'email',
  title: 'Email: You will regret this',
  tool: 'Wardguard mail filter',
  capturedAt: '2025-03-02T08:00:00.000Z',
  perpetrator: { id: 'p1', displayName: 'Dave Angry' },
  email: {
    from: 'dave@example.net',
    to: ['cllr.smith@council.example'],
    date: '2025-03-02T07:59:00.000Z',
    subject: 'You will regret this',
    messageId: '<abc123@mail.example.net>',
    receivedChain: ['from mail.example.net by mx.council.example', 'from [203.0.113.9] by mail.example.net'],
  },
  files: [file('JS/2', 'message.eml', 'message/rfc822', 4321, 3)],
});
const upload = entry({
  exhibitRef: 'JS/3',
  kind: 'upload',
  title: 'Leaflet pushed through the door',
  capturedAt: '2025-03-03T12:00:00.000Z',
  files: [file('JS/3', 'leaflet.pdf', 'application/pdf', 90210, 4)],
});

function input(over: Partial<ReportInput> = {}): ReportInput {
  return {
    packId: 'pack_01JQ7ZK3',
    variant: 'police',
    platform: null,
    createdAt: '2025-03-04T15:30:00.000Z',
    createdBy: 'Sam Patel',
    recipient: 'DC Jones, Thames Valley Police',
    council: { name: 'Example Borough Council' },
    councillor: { name: 'Cllr Jane Smith' },
    scope: { kind: 'case', title: 'Harassment by D. Angry' },
    caseInfo: { title: 'Harassment by D. Angry', status: 'referred', policeReference: 'TVP-2025-0042' },
    publicKey: { fingerprint: FINGERPRINT, raw: KEY },
    exhibits: [webCapture, email, upload],
    perpetrators: [{ id: 'p1', displayName: 'Dave Angry', aliases: ['Angry Dave'], handles: ['x @angry_dave id 1234567890'], emails: ['dave@example.net'] }],
    diary: [],
    emails: [],
    keyUrl: KEY_URL,
    verifyUrl: VERIFY_URL,
    loadImage: async (e) => (e.exhibitRef === 'JS/1' ? { bytes: screenshot, mediaType: 'image/png' } : null),
    loadEmailText: async () => null,
    ...over,
  };
}

const all = (pages: string[]) => pages.join('\n');

describe('report.pdf', () => {
  it('prints a police report: cover, timeline, one page per exhibit with hashes and image, and the key to verify it', async () => {
    const pdf = await renderReport(input());
    const pages = await pageTexts(pdf);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(pages.length);
    expect(pages.length).toBe(5);
    const [cover, timeline, ...exhibits] = pages as [string, string, ...string[]];

    expect(cover).toContain('Evidence pack: police');
    expect(cover).toContain('Harassment by D. Angry');
    expect(cover).toContain('TVP-2025-0042');
    expect(cover).toContain('DC Jones, Thames Valley Police');
    expect(cover).toContain('Cllr Jane Smith is an elected member of Example Borough Council: a "person of public');
    for (const law of [
      'Malicious Communications Act 1988, s.1',
      'Communications Act 2003, s.127',
      'Protection from Harassment Act 1997',
      'Online Safety Act 2023, s.179',
      'Online Safety Act 2023, s.181',
    ])
      expect(cover).toContain(law);
    expect(cover).toContain(VERIFY_URL);
    expect(cover).toContain(KEY_URL);
    expect(cover).toContain(`npx --no-install wardguard-verify pack.zip --key ${KEY_URL}`);
    expect(cover).not.toMatch(/npx (?!--no-install )/);
    expect(cover.indexOf(VERIFY_URL)).toBeLessThan(cover.indexOf('npx --no-install'));
    expect(cover).toContain(FINGERPRINT);

    expect(timeline).toContain('Dave Angry');
    expect(timeline).toContain('Also known as: Angry Dave');
    expect(timeline).toContain('Course of conduct: 2 incidents by the same person');
    expect(timeline).toContain('Not yet attributed to a person');
    expect(timeline.indexOf('JS/1')).toBeLessThan(timeline.indexOf('JS/2'));
    expect(timeline.indexOf('JS/2')).toBeLessThan(timeline.indexOf('Not yet attributed'));
    expect(timeline.indexOf('Not yet attributed')).toBeLessThan(timeline.indexOf('JS/3'));

    expect(exhibits.map((p) => p.split('\n')[0])).toEqual(['JS/1', 'JS/2', 'JS/3']);
    expect(exhibits[0]).toContain('1234567890');
    expect(exhibits[0]).toContain('2025-03-01 09:12:00 UTC');
    expect(exhibits[0]).toContain('2025-03-01 10:00:00 GMT (Europe/London)');
    expect(exhibits[0]).toContain('Clicked "Show more" on the post');
    expect(exhibits[0]).toContain('Image: exhibits/JS-1/full-page-annotated.png (64 x 40 pixels');
    expect(exhibits[1]).toContain('<abc123@mail.example.net>');
    expect(exhibits[1]).toContain('2. from [203.0.113.9] by mail.example.net');
    for (const n of [1, 2, 3, 4]) expect(all(exhibits)).toContain(`SHA-256 ${sha(n)}`);
    pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of 5`));
    expect(all(pages)).toContain('Wardguard evidence pack pack_01JQ7ZK3');

    const images = await drawnImages(pdf);
    expect(images.map((i) => [i.width, i.height])).toEqual([[64, 40]]);
  });

  it("prints the councillor's diary with its edit history in a police pack", async () => {
    const diaryExhibit = entry({ exhibitRef: 'JS/4', kind: 'diary', title: 'Diary: leaflet', files: [file('JS/4', 'diary.json', 'application/json', 812, 5)] });
    const pages = await pageTexts(
      await renderReport(
        input({
          exhibits: [webCapture, email, upload, diaryExhibit],
          diary: [
            {
              exhibitRef: 'JS/4',
              occurredAt: '2025-03-03T11:00:00.000Z',
              whatHappened: 'Found the leaflet on my doormat.',
              impact: 'I no longer open the door after dark.',
              versions: 3,
              editedAt: '2025-03-05T09:00:00.000Z',
            },
          ],
        }),
      ),
    );
    const diaryPage = pages.find((p) => p.startsWith("Councillor's diary"));
    expect(diaryPage).toContain('I no longer open the door after dark.');
    expect(diaryPage).toContain('3 versions; last edited 2025-03-05 09:00:00 UTC');
    expect(pages.at(-1)).toContain('Found the leaflet on my doormat.');
  });

  it('prints a platform report for trust and safety without the diary, the checkboxes or internal case details', async () => {
    const platformExhibit = { ...webCapture, perpetrator: null };
    const pdf = await renderReport(
      input({
        variant: 'platform',
        platform: 'x',
        exhibits: [platformExhibit, { ...platformExhibit, exhibitRef: 'JS/5', postId: '1893456789012349999' }],
        perpetrators: [],
        // Even if handed a diary by mistake, a platform report must not print it.
        diary: [
          {
            exhibitRef: 'JS/1',
            occurredAt: '2025-03-03T11:00:00.000Z',
            whatHappened: 'SECRET DIARY TEXT',
            impact: 'private impact',
            versions: 1,
            editedAt: '2025-03-03T11:00:00.000Z',
          },
        ],
      }),
    );
    const text = all(await pageTexts(pdf));
    expect(text).toContain('Evidence pack: X trust and safety');
    expect(text).toContain('Reported accounts');
    expect(text).toContain('@angry_dave - ID 1234567890 - https://x.com/angry_dave');
    expect(text).toContain('Repeated behaviour: 2 items from the same account.');
    expect(text).toContain('Cllr Jane Smith, an elected member of Example Borough Council');
    for (const absent of [
      'SECRET DIARY TEXT',
      'private impact',
      "Councillor's diary",
      'TVP-2025-0042',
      'Police reference',
      'Offences for the reader',
      'Course of conduct',
    ])
      expect(text).not.toContain(absent);
    expect(text).toContain(FINGERPRINT);
  });

  it('prints hostile text (emoji, RTL overrides, 100,000 characters, a 5,000-character token) without throwing or running off the page', async () => {
    const token = 'A'.repeat(5000);
    const hostile = `🤡🔥 ${'\u202E'}evil${'\u202C'} مرحبا 你好 \u0000\u0007 ${token} ` + 'blah '.repeat(20_000);
    const nasty = entry({
      exhibitRef: 'JS/9',
      kind: 'web_capture',
      title: hostile,
      platform: 'x',
      url: `https://x.example/${token}`,
      authorHandle: hostile,
      authorDisplayName: '\u202Eevad',
      authorId: token,
      postText: hostile,
      pageActions: [hostile],
      files: [{ ...file('JS/9', 'x.png', 'image/png', 10, 9), path: `exhibits/JS-9/${token}.png` }],
      email: { from: hostile, to: [hostile], date: 'not a date', subject: hostile, messageId: token, receivedChain: Array(500).fill(hostile) },
      perpetrator: { id: 'p9', displayName: hostile },
    });
    const pdf = await renderReport(
      input({
        council: { name: hostile },
        recipient: hostile,
        scope: { kind: 'selection', title: hostile },
        createdBy: hostile,
        councillor: { name: hostile },
        exhibits: [nasty],
        perpetrators: [{ id: 'p9', displayName: hostile, aliases: [hostile], handles: [token], emails: [hostile] }],
        diary: [{ exhibitRef: 'JS/9', occurredAt: hostile, whatHappened: hostile, impact: hostile, versions: 2, editedAt: hostile }],
        loadImage: async () => null,
      }),
    );
    const pages = await pageTexts(pdf);
    const text = all(pages);
    expect(text).toContain('[U+202E]evil');
    expect(text).toContain('more characters not printed; the full text is in index.json');
    expect(text).toContain('Some text on this page was changed to print it');
    expect(text).toContain('... and 480 more Received headers');
    expect(pages.length).toBeLessThan(60);
    const fonts = await embedReportFonts(await PDFDocument.create());
    const byKey = new Map<string, ReportFont>(Object.values(fonts).map((f) => [f.key, f]));
    for (const runs of await pageRuns(pdf)) {
      for (const r of runs) expect(r.x + textWidth(byKey.get(r.font)!, r.text, r.size)).toBeLessThanOrEqual(PAGE.width - PAGE.margin + 0.01);
    }
  });

  it('names the file instead of failing when an image is corrupt, mislabelled or cannot be read', async () => {
    const corrupt = screenshot.slice();
    corrupt[60] = corrupt[60]! ^ 0xff;
    const cases: [string, ReportInput['loadImage']][] = [
      ['checksum mismatch', async () => ({ bytes: corrupt, mediaType: 'image/png' })],
      ['not a JPEG although it is labelled as one', async () => ({ bytes: screenshot, mediaType: 'image/jpeg' })],
      ['not a PNG although it is labelled as one', async () => ({ bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]), mediaType: 'image/png' })],
      ['SOF', async () => ({ bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]), mediaType: 'image/jpeg' })],
    ];
    for (const [, loadImage] of cases) {
      const pdf = await renderReport(input({ exhibits: [webCapture], loadImage }));
      const last = (await pageTexts(pdf)).at(-1)!;
      expect(last).toMatch(/Image could not be printed \(.+\); see exhibits\/JS-1\/full-page-annotated\.png\./);
      expect(await drawnImages(pdf)).toEqual([]);
    }
    const failing = await renderReport(
      input({
        exhibits: [webCapture],
        loadImage: async () => {
          throw new Error('R2 is down');
        },
      }),
    );
    expect((await pageTexts(failing)).at(-1)).toContain('The image could not be read for printing; see exhibits/JS-1/full-page-annotated.png');
  });

  it('shows a tall full-page screenshot over several pages from one embedded copy', async () => {
    const tall = makePng(200, 3000, (x, y) => [y % 256, x, 0, 255]);
    const pdf = await renderReport(
      input({
        exhibits: [{ ...webCapture, files: [file('JS/1', 'full-page-annotated.png', 'image/png', tall.length, 1)] }],
        loadImage: async () => ({ bytes: tall, mediaType: 'image/png' }),
      }),
    );
    const pages = await pageTexts(pdf);
    expect(all(pages)).toMatch(/200 x 3000 pixels, scaled to fit, over [3-5] pages/);
    expect(pages.filter((p) => p.startsWith('Exhibit JS/1 (continued)')).length).toBeGreaterThanOrEqual(3);
    expect((await drawnImages(pdf)).length).toBe(1);
  });

  it('embeds images from 1,000 exhibits only while they fit the budget, and never reads the ones it will skip', async () => {
    const png = makePng(24, 16, (x, y) => [x * 10, y * 15, 200, 255]);
    const budget = 40 * png.length + 10;
    const exhibits = Array.from({ length: 1000 }, (_, i) =>
      entry({
        exhibitRef: `JS/${i + 1}`,
        kind: 'web_capture',
        platform: 'x',
        url: `https://x.com/u/status/${i}`,
        authorHandle: `@user${i % 37}`,
        postText: `Post number ${i}`,
        perpetrator: i % 3 ? { id: 'p1', displayName: 'Dave Angry' } : null,
        files: [file(`JS/${i + 1}`, 'post.png', 'image/png', png.length, i % 256)],
      }),
    );
    const loaded: string[] = [];
    const started = Date.now();
    const pdf = await renderReport(input({ exhibits, loadImage: async (e) => (loaded.push(e.exhibitRef), { bytes: png, mediaType: 'image/png' }) }), {
      imageBudgetBytes: budget,
    });
    const ms = Date.now() - started;
    const images = await drawnImages(pdf);
    expect(images.length).toBe(40);
    expect(loaded).toEqual(exhibits.slice(0, 40).map((e) => e.exhibitRef));
    const pages = await pageTexts(pdf);
    expect(pages.filter((p) => p.includes('Image not printed to keep the report small; see exhibits/')).length).toBe(960);
    expect(pages.at(-1)).toContain('Image not printed to keep the report small; see exhibits/JS-1000/post.png.');
    expect(pages.at(-1)).toContain(`Page ${pages.length.toLocaleString('en-GB')} of ${pages.length.toLocaleString('en-GB')}`);
    console.log(`1,000 exhibits: ${pages.length} pages, ${(pdf.length / 1024).toFixed(0)} KB, ${ms} ms`);
  }, 120_000);

  it('also stops embedding when the pixel budget is spent: small, well-compressed screenshots still cost CPU per pixel', async () => {
    const png = makePng(24, 16, (x, y) => [x * 10, y * 15, 200, 255]);
    const exhibits = Array.from({ length: 30 }, (_, i) =>
      entry({ exhibitRef: `JS/${i + 1}`, kind: 'web_capture', files: [file(`JS/${i + 1}`, 'post.png', 'image/png', png.length, i)] }),
    );
    const pdf = await renderReport(input({ exhibits, loadImage: async () => ({ bytes: png, mediaType: 'image/png' }) }), { imageBudgetPixels: 24 * 16 * 10 });
    expect((await drawnImages(pdf)).length).toBe(10);
    expect((await pageTexts(pdf)).filter((p) => p.includes('Image not printed to keep the report small')).length).toBe(20);
  });

  it('skips an image over 8 MB without reading it', async () => {
    let calls = 0;
    const big = { ...webCapture, files: [file('JS/1', 'full-page.png', 'image/png', 9 * 1024 * 1024, 1)] };
    const pdf = await renderReport(input({ exhibits: [big], loadImage: async () => (calls++, null) }));
    expect(calls).toBe(0);
    expect((await pageTexts(pdf)).at(-1)).toContain('Image not printed: larger than 8 MB; see exhibits/JS-1/full-page.png.');
  });

  it("prints an email's text, its escalation (police reference and note) and the officers' decisions, in a police pack", async () => {
    const loaded: string[] = [];
    const pages = await pageTexts(
      await renderReport(
        input({
          emails: [
            {
              exhibitRef: 'JS/2',
              escalation: { at: '2025-03-02T09:00:00.000Z', by: 'Sam Patel', policeReference: 'TVP-INC-778', note: 'Rang 101; PC Khan wants the original.' },
              decisions: [
                { at: '2025-03-02T08:30:00.000Z', by: 'Ola Officer', action: 'alert_acknowledged', decision: null, reason: null, note: null },
                {
                  at: '2025-03-02T09:00:00.000Z',
                  by: 'Sam Patel',
                  action: 'mail_escalated',
                  decision: null,
                  reason: null,
                  note: 'Rang 101; PC Khan wants the original.',
                },
                {
                  at: '2025-03-03T10:00:00.000Z',
                  by: 'Ola Officer',
                  action: 'mail_decided',
                  decision: 'keep',
                  reason: 'Police asked us to keep it',
                  note: null,
                },
              ],
            },
          ],
          loadEmailText: async (e) => (
            loaded.push(e.exhibitRef), e.exhibitRef === 'JS/2' ? { text: 'You will regret this.\nI know which car is yours.', fromHtml: true } : null
          ),
        }),
      ),
    );
    expect(loaded).toEqual(['JS/2']);
    const page = pages.find((p) => p.startsWith('JS/2'))!;
    expect(page).toContain('Text of the email');
    expect(page).toContain('You will regret this.\nI know which car is yours.');
    expect(page).toContain('converted from the HTML');
    expect(page).toContain('TVP-INC-778');
    expect(page).toContain('Rang 101; PC Khan wants the original.');
    expect(page).toContain('2025-03-02 08:30:00 UTC  Threat alert acknowledged by Ola Officer');
    expect(page).toContain('2025-03-02 09:00:00 UTC  Escalated to the police by Sam Patel');
    expect(page).toContain('2025-03-03 10:00:00 UTC  Kept in quarantine by Ola Officer');
    expect(page).toContain('Reason: Police asked us to keep it');
  });

  it('wraps and paginates a long email, prints hostile email text without throwing, and names the file when the text cannot be read', async () => {
    const long = Array.from({ length: 1500 }, (_, i) => `Line ${i} of a very long rant about the planning committee and the bins.`).join('\n');
    const pdf = await renderReport(input({ loadEmailText: async () => ({ text: long, fromHtml: false }) }));
    const pages = await pageTexts(pdf);
    expect(pages.filter((p) => p.startsWith('Exhibit JS/2 (continued)')).length).toBeGreaterThanOrEqual(4);
    expect(pages.join('\n')).toContain('Line 300 of a very long rant');
    expect(pages.join('\n')).toMatch(/more characters not printed; the full text is in index\.json and the original files/);
    const fonts = await embedReportFonts(await PDFDocument.create());
    const byKey = new Map<string, ReportFont>(Object.values(fonts).map((f) => [f.key, f]));
    for (const runs of await pageRuns(pdf))
      for (const r of runs) expect(r.x + textWidth(byKey.get(r.font)!, r.text, r.size)).toBeLessThanOrEqual(PAGE.width - PAGE.margin + 0.01);

    const hostile = `🤡 ${'\u202E'}evil\u0000 ${'B'.repeat(8000)} ` + 'kill '.repeat(30_000);
    const nasty = await pageTexts(
      await renderReport(
        input({
          emails: [
            {
              exhibitRef: 'JS/2',
              escalation: { at: hostile, by: hostile, policeReference: hostile, note: hostile },
              decisions: Array(300).fill({ at: hostile, by: hostile, action: hostile, decision: hostile, reason: hostile, note: hostile }),
            },
          ],
          loadEmailText: async () => ({ text: hostile, fromHtml: false }),
        }),
      ),
    );
    expect(nasty.join('\n')).toContain('[U+202E]evil');
    expect(nasty.length).toBeLessThan(80);

    const failing = await pageTexts(
      await renderReport(
        input({
          loadEmailText: async () => {
            throw new Error('not MIME');
          },
        }),
      ),
    );
    expect(failing.find((p) => p.startsWith('JS/2'))).toContain('The text could not be read for printing; see exhibits/JS-2/message.eml.');
  });

  it('stops printing email text past its budget and never reads the messages it will skip', async () => {
    const emails = Array.from({ length: 6 }, (_, i) => ({
      ...email,
      exhibitRef: `JS/${10 + i}`,
      itemId: `m${i}`,
      files: [file(`JS/${10 + i}`, 'message.eml', 'message/rfc822', 1000, i)],
    }));
    const loaded: string[] = [];
    const pages = await pageTexts(
      await renderReport(
        input({ exhibits: emails, loadEmailText: async (e) => (loaded.push(e.exhibitRef), { text: `Body of ${e.exhibitRef}`, fromHtml: false }) }),
        { emailBudgetBytes: 3500 },
      ),
    );
    expect(loaded).toEqual(['JS/10', 'JS/11', 'JS/12']);
    expect(pages.join('\n')).toContain('Body of JS/12');
    expect(pages.find((p) => p.startsWith('JS/13'))).toContain('Text not printed to keep the report small; see exhibits/JS-13/message.eml.');
  });

  it('gives a platform report a neutral scope: the case title and the perpetrator it names are nowhere in it', async () => {
    const platformExhibit = { ...webCapture, perpetrator: null };
    const pdf = await renderReport(
      input({
        variant: 'platform',
        platform: 'x',
        exhibits: [platformExhibit],
        perpetrators: [],
        scope: { kind: 'perpetrator', title: 'Incidents attributed to Dave Angry' },
      }),
    );
    const text = all(await pageTexts(pdf));
    expect(text).toContain('Platform report: 1 item on X');
    for (const absent of ['Dave Angry', 'D. Angry', 'Harassment by', 'attributed to']) expect(text).not.toContain(absent);
    const doc = await PDFDocument.load(pdf);
    expect(doc.getTitle()).not.toContain('Angry');
  });

  it('does not print email text, escalations or decisions in a platform report, even if handed them', async () => {
    const text = all(
      await pageTexts(
        await renderReport(
          input({
            variant: 'platform',
            platform: 'x',
            perpetrators: [],
            emails: [
              {
                exhibitRef: 'JS/2',
                escalation: { at: '2025-03-02T09:00:00.000Z', by: 'Sam Patel', policeReference: 'TVP-INC-778', note: 'INTERNAL NOTE' },
                decisions: [],
              },
            ],
            loadEmailText: async () => ({ text: 'SECRET EMAIL BODY', fromHtml: false }),
          }),
        ),
      ),
    );
    for (const absent of ['SECRET EMAIL BODY', 'INTERNAL NOTE', 'TVP-INC-778']) expect(text).not.toContain(absent);
  });
});
