// A local web site with the pages a councillor might capture, served over 127.0.0.1.
import { createServer, type Server } from 'node:http';

const post = `<!doctype html><html><head><title>Post by @angry_ratepayer</title>
<link rel="canonical" href="https://social.example/@angry_ratepayer/101">
<meta property="og:title" content="angry_ratepayer on Social">
<script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'SocialMediaPosting',
  url: 'https://social.example/@angry_ratepayer/101',
  identifier: '101',
  datePublished: '2026-11-20T19:04:00Z',
  articleBody: 'Councillor Brown, we know where you live. Watch yourself.',
  author: {
    '@type': 'Person',
    name: 'Angry Ratepayer',
    alternateName: '@angry_ratepayer',
    url: 'https://social.example/@angry_ratepayer',
    identifier: '987654',
  },
})}</script>
<style>body{margin:0;font:16px sans-serif} article{margin:40px;padding:20px;border:2px solid #333;background:#fee} .filler{height:1200px;background:linear-gradient(#fff,#ccd)}</style>
</head><body><header><h1>Social</h1></header>
<article id="post"><p><b>Angry Ratepayer</b> @angry_ratepayer</p><p>Councillor Brown, we know where you live. Watch yourself.</p>
<time datetime="2026-11-20T19:04:00Z">20 Nov</time></article><div class="filler"></div></body></html>`;

const noPost = `<!doctype html><html><head><title>Bin collection days</title></head>
<body><h1>Bin collection days</h1><p>Your bins are collected on Tuesdays.</p></body></html>`;

const loginWall = `<!doctype html><html><head><title>Log in to continue</title></head>
<body><div role="dialog"><h1>Log in to see this post</h1><p>You must log in to continue.</p><form><input name="u"><input type="password" name="p"><button>Log in</button></form></div></body></html>`;

const tall = (px: number, title: string) => `<!doctype html><html><head><title>${title}</title>
<style>body{margin:0} .band{height:500px;font:40px sans-serif} .band:nth-child(odd){background:#ddf}</style></head><body>
${Array.from({ length: Math.ceil(px / 500) }, (_, i) => `<div class="band">band ${i} at ${i * 500} px</div>`).join('')}</body></html>`;

// The inline script would add a marker if scripts ran; the CSP forbids all page scripts.
const csp = `<!doctype html><html><head><title>Strict CSP post</title>
<script>document.title = 'SCRIPT RAN';</script></head><body>
<article><p><b>Troll</b></p><p>You should resign before something happens to you.</p></article></body></html>`;

// A feed-like page: a fixed header, a post cut short behind a "See more" button, and more posts
// appended when the reader nears the bottom (twice), as infinite-scroll sites do.
const lazy = `<!doctype html><html><head><title>Lazy feed</title>
<style>body{margin:0;font:16px sans-serif} header{position:fixed;top:0;left:0;right:0;height:50px;background:#225;color:#fff}
article{margin:70px 40px 0;padding:20px;border:2px solid #333}
.filler{height:1200px;background:linear-gradient(#fff,#cdc)} .loaded{height:1000px;background:#fdd}</style></head>
<body><header>Feed</header>
<article id="post"><p><b>Troll</b> @troll</p><p id="text">Councillor Brown, you will regret…</p>
<button type="button" id="see-more">See more</button> <button type="button">Like</button> <a href="#more">Show more</a></article>
<div class="filler"></div><div id="feed"></div>
<script>
// As on the big sites, the rest of the text is only in the page once "See more" is clicked.
document.getElementById('see-more').addEventListener('click', () => {
  document.getElementById('text').textContent = 'Councillor Brown, you will regret voting for the bypass. We know your car.';
});
let loads = 0;
addEventListener('scroll', () => {
  if (loads < 2 && innerHeight + scrollY >= document.documentElement.scrollHeight - 100) {
    loads++;
    const more = document.createElement('div');
    more.className = 'loaded';
    more.textContent = 'loaded batch ' + loads;
    document.getElementById('feed').append(more);
  }
});
</script></body></html>`;

export const PAGES: Record<string, { body: string; headers?: Record<string, string> }> = {
  '/post': { body: post },
  '/no-post': { body: noPost },
  '/login': { body: loginWall },
  '/ten-screens': { body: tall(7_000, 'Ten screens') },
  '/tall': { body: tall(50_000, 'Fifty thousand pixels') },
  '/lazy': { body: lazy },
  '/csp': { body: csp, headers: { 'content-security-policy': "script-src 'none'; object-src 'none'" } },
};

export interface Site {
  url: string;
  close(): Promise<void>;
}

export function startSite(): Promise<Site> {
  const server: Server = createServer((req, res) => {
    const page = PAGES[(req.url ?? '/').split('?')[0]!];
    if (!page) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...page.headers }).end(page.body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}
