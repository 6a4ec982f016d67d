import type { User } from '../lib/types.ts';

/** One <option> a councillor, by name, for a <select> that picks one (see lib/use-councillors.ts). */
export function CouncillorOptions({ councillors }: { councillors: Map<string, User> }) {
  return (
    <>
      {[...councillors.values()].map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
        </option>
      ))}
    </>
  );
}
