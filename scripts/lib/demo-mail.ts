// Messages for the demo queue and the dashboard's browser tests: one per severity, a
// false positive, and a hostile HTML message. Invented people and text.
/** What a message says: enough to write it out (buildEml) and to classify it. */
export interface MailContent {
  from: string;
  subject: string;
  text?: string;
  html?: string;
}

export interface DemoMail extends MailContent {
  key: string;
  receivedMinutesAgo: number;
}

export function demoMails(trapOrigin = 'http://127.0.0.1:9'): DemoMail[] {
  return [
    {
      key: 'ttl',
      from: 'Night Watcher <nightwatcher77@example.net>',
      subject: 'You have been warned',
      text: "I know where you live and I'm going to kill you. Your family will not be safe either.",
      receivedMinutesAgo: 5,
    },
    {
      key: 'threat',
      from: 'Angry Resident <angry.resident@example.org>',
      subject: 'Planning decision',
      text: 'If you vote for that housing scheme you will regret it. We know what car you drive.',
      receivedMinutesAgo: 90,
    },
    {
      key: 'abuse',
      from: 'Pat Critic <pat.critic@example.com>',
      subject: 'Bins again',
      text: 'You are a useless fucking idiot and a disgrace, you thick bitch. Sort the bins out.',
      receivedMinutesAgo: 240,
    },
    {
      key: 'false-positive',
      from: 'Jo Bloggs <jo.bloggs@example.com>',
      subject: 'Pothole on Scunthorpe Road',
      text: 'Dear Councillor, the pothole on Scunthorpe Road is shit and has damaged two cars this week. Please can the council fix it before someone is hurt? Regards, Jo',
      receivedMinutesAgo: 30,
    },
    {
      key: 'hostile-html',
      from: 'Phish Master <no-reply@example.invalid>',
      subject: 'Important message about your account, you idiot',
      html:
        `<html><head><script>window.parent.postMessage('pwned','*');fetch('${trapOrigin}/script-ran')</script>` +
        `<link rel="stylesheet" href="${trapOrigin}/style.css"><meta http-equiv="refresh" content="0;url=${trapOrigin}/refresh"></head>` +
        `<body onload="fetch('${trapOrigin}/onload')"><h1>You stupid idiot</h1><p>Click <a href="${trapOrigin}/phish">here</a> or die.</p>` +
        `<img src="${trapOrigin}/pixel.gif" width="1" height="1"><img src="x" onerror="fetch('${trapOrigin}/onerror')">` +
        `<div style="background:url(${trapOrigin}/bg.png)">styled</div><form action="${trapOrigin}/form"><input name="password"><button>Log in</button></form>` +
        `<iframe src="${trapOrigin}/frame"></iframe><svg><script>fetch('${trapOrigin}/svg')</script></svg></body></html>`,
      receivedMinutesAgo: 60,
    },
  ];
}

/** An RFC 5322 message, CRLF line ends, text or HTML body. */
export function buildEml(m: MailContent, to: string, at: Date, messageId: string): string {
  const headers = [
    `Received: from mail.example.net (mail.example.net [192.0.2.10]) by mx.council.example with ESMTPS; ${at.toUTCString()}`,
    `From: ${m.from}`,
    `To: ${to}`,
    `Subject: ${m.subject}`,
    `Date: ${at.toUTCString()}`,
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    `Content-Type: ${m.html ? 'text/html' : 'text/plain'}; charset=utf-8`,
    'Content-Transfer-Encoding: 8bit',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${(m.html ?? m.text ?? '').replace(/\n/g, '\r\n')}\r\n`;
}
