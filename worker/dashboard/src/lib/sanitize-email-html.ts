import DOMPurify from 'dompurify';

export interface SanitisedHtml {
  html: string;
  blockedRemote: number;
  removedLinks: number;
}

const URL_ATTRS = ['src', 'srcset', 'background', 'poster', 'lowsrc', 'dynsrc', 'xlink:href', 'action', 'formaction', 'data', 'ping'];

/**
 * Quarantined mail is hostile until proven otherwise: no scripts, no forms, no remote
 * content (tracking pixels confirm to the sender that the mail was opened), no live
 * links. Link targets stay visible as a tooltip so officers can see where they point.
 */
export function sanitiseEmailHtml(dirty: string): SanitisedHtml {
  let blockedRemote = 0;
  let removedLinks = 0;
  const purify = DOMPurify();
  purify.addHook('afterSanitizeAttributes', (node) => {
    for (const attr of URL_ATTRS) {
      const v = node.getAttribute(attr);
      if (v === null) continue;
      if (attr === 'src' && /^data:image\/(png|jpe?g|gif|webp);/i.test(v.trim())) continue;
      node.removeAttribute(attr);
      blockedRemote += 1;
    }
    const hrefValue = node.getAttribute('href');
    if (hrefValue !== null) {
      node.removeAttribute('href');
      node.setAttribute('title', `Link (disabled): ${hrefValue.slice(0, 500)}`);
      removedLinks += 1;
    }
    const style = node.getAttribute('style');
    if (style && /url\s*\(|expression\s*\(|@import/i.test(style)) {
      node.removeAttribute('style');
      blockedRemote += 1;
    }
  });
  const html = purify.sanitize(dirty, {
    FORBID_TAGS: [
      'form',
      'input',
      'button',
      'select',
      'textarea',
      'option',
      'link',
      'meta',
      'base',
      'iframe',
      'frame',
      'frameset',
      'object',
      'embed',
      'applet',
      'style',
      'svg',
      'math',
      'audio',
      'video',
      'source',
      'track',
      'picture',
    ],
    FORBID_ATTR: ['target'],
    ALLOW_DATA_ATTR: false,
    WHOLE_DOCUMENT: false,
  });
  return { html, blockedRemote, removedLinks };
}
