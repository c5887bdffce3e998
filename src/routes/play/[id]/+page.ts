import { bundledScenarioIds } from '$lib/scenarios/bundled';
import type { EntryGenerator, PageLoad } from './$types';

// A shell per bundled scenario, so each is reachable offline from the precache.
export const entries: EntryGenerator = () => bundledScenarioIds.map((id) => ({ id }));

export const load: PageLoad = ({ params }) => ({ id: params.id });
