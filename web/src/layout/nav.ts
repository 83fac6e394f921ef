/**
 * The capabilities of DESIGN.md as navigation entries, and who sees which. Hiding an entry is
 * only convenience: the server enforces scope on every request.
 */
import type { Role, User } from '../api/types.ts';
import type { MessageKey } from '../i18n/index.tsx';

export interface NavLeaf {
  path: string;
  label: MessageKey;
  /** False while the capability has no page yet: the route shows "not built yet". */
  built: boolean;
}

export interface NavGroup {
  key: string;
  label: MessageKey;
  children: NavLeaf[];
}

export type NavEntry = NavLeaf | NavGroup;

interface Capability extends NavLeaf {
  roles: readonly Role[];
}

const OFFICERS: readonly Role[] = ['city_officer', 'district_officer'];

/** Capabilities beyond the registry, in the order of DESIGN.md. */
export const CAPABILITIES: readonly Capability[] = [
  {
    path: '/cases',
    label: 'nav.cases',
    built: true,
    roles: [...OFFICERS, 'finance_officer', 'enterprise_user', 'carrier_operator'],
  },
  { path: '/imports', label: 'nav.imports', built: true, roles: ['city_officer'] },
  { path: '/pipeline', label: 'nav.pipeline', built: true, roles: [...OFFICERS, 'enterprise_user'] },
  { path: '/targets', label: 'nav.targets', built: true, roles: [...OFFICERS, 'finance_officer'] },
  {
    path: '/financing',
    label: 'nav.financing',
    built: true,
    roles: [...OFFICERS, 'finance_officer', 'bank_officer', 'enterprise_user'],
  },
  { path: '/ip', label: 'nav.ip', built: true, roles: [...OFFICERS, 'finance_officer', 'bank_officer', 'enterprise_user'] },
  {
    path: '/innovation',
    label: 'nav.innovation',
    built: true,
    roles: [...OFFICERS, 'enterprise_user', 'university', 'carrier_operator'],
  },
  {
    path: '/events',
    label: 'nav.events',
    built: true,
    roles: [...OFFICERS, 'finance_officer', 'enterprise_user', 'carrier_operator', 'university', 'bank_officer'],
  },
  { path: '/talent', label: 'nav.talent', built: true, roles: [...OFFICERS, 'enterprise_user'] },
  { path: '/competition', label: 'nav.competition', built: true, roles: [...OFFICERS, 'enterprise_user', 'judge'] },
  { path: '/scorecards', label: 'nav.scorecards', built: true, roles: [...OFFICERS, 'enterprise_user'] },
  { path: '/credit-repair', label: 'nav.creditRepair', built: true, roles: [...OFFICERS, 'penalty_agency', 'enterprise_user'] },
  { path: '/measures', label: 'nav.measures', built: true, roles: [...OFFICERS, 'finance_officer'] },
  { path: '/admin', label: 'nav.admin', built: false, roles: ['admin'] },
];

/** Roles that browse the registry as a list (the server narrows what each one sees). */
const REGISTRY_READERS: readonly Role[] = ['city_officer', 'district_officer', 'finance_officer', 'carrier_operator'];
const CARRIER_READERS: readonly Role[] = ['city_officer', 'district_officer', 'finance_officer'];

export function canBrowseEnterprises(user: User): boolean {
  return REGISTRY_READERS.includes(user.role);
}

export function canBrowseCarriers(user: User): boolean {
  return CARRIER_READERS.includes(user.role);
}

/** Officers who create and edit registry records; titles themselves are the city's decision. */
export function canEditEnterprises(user: User): boolean {
  return user.role === 'city_officer' || user.role === 'district_officer';
}

export function canManageTitles(user: User): boolean {
  return user.role === 'city_officer';
}

/** Published lists span every district and become titles: the API admits city officers only. */
export function canImportLists(user: User): boolean {
  return user.role === 'city_officer';
}

/** The targets dashboard: the city for city and finance officers, their unit for district officers (server-scoped). */
export function canSeeTargets(user: User): boolean {
  return user.role === 'city_officer' || user.role === 'finance_officer' || user.role === 'district_officer';
}

/** Entitlements: officers (a district officer's list is narrowed by the server), finance, and beneficiaries (their own). */
const ENTITLEMENT_READERS: readonly Role[] = [...OFFICERS, 'finance_officer', 'enterprise_user', 'carrier_operator'];
const BUDGET_READERS: readonly Role[] = ['city_officer', 'finance_officer'];

export function canSeeEntitlements(user: User): boolean {
  return ENTITLEMENT_READERS.includes(user.role);
}

export function canSeeBudget(user: User): boolean {
  return BUDGET_READERS.includes(user.role);
}

/** Recomputing writes the stored entitlements of a whole fiscal year: the city's decision. */
export function canRecompute(user: User): boolean {
  return user.role === 'city_officer';
}

/** A beneficiary sees only its own money, so the entry is named for them. */
export function isBeneficiary(user: User): boolean {
  return user.role === 'enterprise_user' || user.role === 'carrier_operator';
}

function policyGroup(user: User): NavGroup | null {
  if (!canSeeEntitlements(user)) return null;
  const children: NavLeaf[] = [
    { path: '/policy', label: 'nav.policyClauses', built: true },
    { path: '/entitlements', label: isBeneficiary(user) ? 'nav.myEntitlements' : 'nav.entitlements', built: true },
  ];
  if (canSeeBudget(user)) children.push({ path: '/budget', label: 'nav.budget', built: true });
  return { key: 'policy', label: 'nav.policy', children };
}

function registryGroup(user: User): NavGroup | null {
  const children: NavLeaf[] = [];
  if (canBrowseEnterprises(user)) children.push({ path: '/enterprises', label: 'nav.enterprises', built: true });
  if (user.role === 'enterprise_user' && user.enterpriseId !== null)
    children.push({ path: `/enterprises/${user.enterpriseId}`, label: 'nav.myEnterprise', built: true });
  if (canBrowseCarriers(user)) children.push({ path: '/carriers', label: 'nav.carriers', built: true });
  if (user.role === 'carrier_operator' && user.carrierId !== null)
    children.push({ path: `/carriers/${user.carrierId}`, label: 'nav.myCarrier', built: true });
  return children.length ? { key: 'registry', label: 'nav.registry', children } : null;
}

export function navFor(user: User): NavEntry[] {
  const entries: NavEntry[] = [{ path: '/', label: 'nav.home', built: true }];
  const registry = registryGroup(user);
  if (registry) entries.push(registry);
  const policy = policyGroup(user);
  if (policy) entries.push(policy);
  for (const capability of CAPABILITIES) {
    if (capability.roles.includes(user.role)) {
      entries.push({ path: capability.path, label: capability.label, built: capability.built });
    }
  }
  return entries;
}

export function isGroup(entry: NavEntry): entry is NavGroup {
  return 'children' in entry;
}
