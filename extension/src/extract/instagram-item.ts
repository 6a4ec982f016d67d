import { setField, type Draft } from './draft.ts';
import { getPath, str, type JsonObject } from './json.ts';
import { isoFromEpoch } from './time.ts';

/**
 * Applies a Meta media item (Instagram and Threads share the private API shape: `pk`, `code`,
 * `taken_at`, `caption.text`, `user.pk`/`username`) to a draft.
 */
export function applyMediaItem(draft: Draft, item: JsonObject, permalinkFor: (handle: string, code: string) => string): void {
  const user = getPath(item, 'user') ?? getPath(item, 'owner');
  const handle = str(getPath(user, 'username'));
  const code = str(item['code']) ?? str(item['shortcode']);
  setField(draft, 'postId', code, 'json');
  setField(draft, 'authorHandle', handle, 'json');
  setField(draft, 'authorDisplayName', str(getPath(user, 'full_name')), 'json');
  setField(draft, 'authorId', str(getPath(user, 'pk')) ?? str(getPath(user, 'id')), 'json');
  const caption = item['caption'];
  setField(
    draft,
    'postText',
    // 2013 pages give the caption as a plain string; later ones as { text } or a GraphQL edge.
    (typeof caption === 'string' ? str(caption) : str(getPath(caption, 'text'))) ?? str(getPath(item, 'edge_media_to_caption', 'edges', 0, 'node', 'text')),
    'json',
  );
  const taken = getPath(item, 'taken_at') ?? getPath(item, 'taken_at_timestamp') ?? getPath(item, 'date');
  setField(draft, 'postTimestamp', typeof taken === 'number' || typeof taken === 'string' ? isoFromEpoch(taken) : null, 'json');
  if (handle && code) setField(draft, 'permalink', permalinkFor(handle, code), 'json');
  const media: string[] = [];
  const carousel = getPath(item, 'carousel_media');
  for (const m of Array.isArray(carousel) ? carousel : [item]) {
    const video = str(getPath(m, 'video_versions', 0, 'url'));
    const image = str(getPath(m, 'image_versions2', 'candidates', 0, 'url')) ?? str(getPath(m, 'display_url'));
    if (video) media.push(video);
    else if (image) media.push(image);
  }
  setField(draft, 'mediaUrls', media, 'json');
  const replyHandle = str(getPath(item, 'text_post_app_info', 'reply_to_author', 'username'));
  if (replyHandle) setField(draft, 'replyTo', { authorHandle: replyHandle }, 'json');
}
