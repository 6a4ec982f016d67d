import { useMemo } from 'preact/hooks';
import { sanitiseEmailHtml } from '../lib/sanitize-email-html.ts';
import { FRAME_ATTRIBUTES, frameDocument } from '../lib/sandboxed-frame.ts';

/**
 * The message's HTML, sanitised, in an iframe with an empty sandbox (no scripts, no
 * forms, no same-origin access) and its own CSP that blocks every remote fetch.
 */
export function SafeHtmlFrame({ html }: { html: string }) {
  const safe = useMemo(() => sanitiseEmailHtml(html), [html]);
  return (
    <figure class="html-view">
      <iframe {...FRAME_ATTRIBUTES} title="Sanitised HTML of the message" srcdoc={frameDocument(safe.html)} />
      <figcaption>
        Sanitised view: scripts, forms and styles removed; {safe.blockedRemote} remote resource(s) blocked; {safe.removedLinks} link(s) disabled (hover to see
        where they pointed).
      </figcaption>
    </figure>
  );
}
