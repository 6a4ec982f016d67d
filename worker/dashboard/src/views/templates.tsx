import { useEffect, useState } from 'preact/hooks';
import type { TemplateVersionView } from '@wardguard/shared';
import { api, ApiError } from '../lib/api.ts';
import { when } from '../lib/format.ts';

type Template = TemplateVersionView;

/** Councils word their own replies; every save is a new version and the old ones stay. */
export function TemplatesView() {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [variables, setVariables] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<Template | null>(null);
  const [versions, setVersions] = useState<Template[]>([]);
  const [status, setStatus] = useState('');

  const load = () =>
    api<{ templates: Template[]; variables: Record<string, string> }>('/templates').then((r) => {
      setTemplates(r.templates);
      setVariables(r.variables);
    });
  useEffect(() => {
    void load().catch(() => undefined);
  }, []);

  const showVersions = async (t: Template) => {
    setEditing({ ...t });
    setVersions((await api<{ versions: Template[] }>(`/templates/${t.key}/versions`)).versions);
  };
  const edit = async (t: Template) => {
    setStatus('');
    await showVersions(t);
  };
  const save = async (e: Event) => {
    e.preventDefault();
    if (!editing) return;
    let saved: Template;
    try {
      saved = await api<Template>(`/templates/${editing.key}`, { method: 'PUT', json: { name: editing.name, subject: editing.subject, body: editing.body } });
    } catch (err) {
      setStatus(err instanceof ApiError ? err.message : 'Could not save.');
      return;
    }
    // A failed refresh must not read as a failed save, and the confirmation is set last so the refresh cannot wipe it.
    const refreshed = await Promise.all([load(), showVersions(saved)]).then(
      () => true,
      () => false,
    );
    setStatus(`Saved as version ${saved.version}.${refreshed ? '' : ' Reload the page to see the version list.'}`);
  };

  return (
    <section>
      <h1>Reply templates</h1>
      <p class="hint">Plain-English replies for disengaging abusive correspondents, from setting expectations to a monitoring officer's request to stop.</p>
      <table class="stack-table">
        <thead>
          <tr>
            <th scope="col">Template</th>
            <th scope="col">Version</th>
            <th scope="col">Last changed</th>
            <th scope="col">
              <span class="visually-hidden">Edit</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {templates.map((t) => (
            <tr key={t.key}>
              <td data-label="Template">{t.name}</td>
              <td data-label="Version">{t.version}</td>
              <td data-label="Last changed">{t.createdBy ? when(t.createdAt) : 'Wardguard wording'}</td>
              <td>
                <button type="button" onClick={() => edit(t)} aria-label={`Edit ${t.name}`}>
                  Edit
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <form class="inline-form template-form" onSubmit={save} aria-labelledby="edit-h">
          <h2 id="edit-h">Edit: {editing.name}</h2>
          <label>
            Name
            <input required value={editing.name} onInput={(e) => setEditing({ ...editing, name: (e.target as HTMLInputElement).value })} />
          </label>
          <label>
            Subject
            <input required value={editing.subject} onInput={(e) => setEditing({ ...editing, subject: (e.target as HTMLInputElement).value })} />
          </label>
          <label>
            Body
            <textarea required rows={16} value={editing.body} onInput={(e) => setEditing({ ...editing, body: (e.target as HTMLTextAreaElement).value })} />
          </label>
          <details>
            <summary>Variables you can use</summary>
            <dl class="headers">{Object.entries(variables).map(([k, v]) => [<dt key={k}>{`{{${k}}}`}</dt>, <dd key={k + '-d'}>{v}</dd>])}</dl>
          </details>
          <button type="submit">Save as a new version</button>
          <p role="status">{status}</p>
          <h3>Versions</h3>
          <ol>
            {versions.map((v) => (
              <li key={v.version}>
                Version {v.version}: {v.createdBy ? `edited ${when(v.createdAt)}` : 'Wardguard wording'}
              </li>
            ))}
          </ol>
        </form>
      )}
    </section>
  );
}
