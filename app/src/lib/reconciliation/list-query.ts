import type { ReconciliationKind, ReconciliationStatus } from '$contracts/reconciliation'
import { kindFrom } from './kinds'

export type View = 'items' | 'remittances'

export type ListState = { view: View; status: ReconciliationStatus; kind: ReconciliationKind | null; cursor: string | null; item: string | null }

export function listStateFrom(params: URLSearchParams): ListState {
  return {
    view: params.get('view') === 'remittances' ? 'remittances' : 'items',
    status: params.get('status') === 'resolved' ? 'resolved' : 'open',
    kind: kindFrom(params.get('kind')),
    cursor: params.get('cursor') || null,
    item: params.get('item') || null,
  }
}

/** The page URL for a state: defaults are left out so links stay short. */
export function pageHref(state: Partial<ListState>): string {
  const query = new URLSearchParams()
  if (state.view === 'remittances') query.set('view', 'remittances')
  if (state.status === 'resolved') query.set('status', 'resolved')
  if (state.kind) query.set('kind', state.kind)
  if (state.cursor) query.set('cursor', state.cursor)
  if (state.item) query.set('item', state.item)
  const text = query.toString()
  return text ? `/admin/reconciliation?${text}` : '/admin/reconciliation'
}

/** The API query for one page of items. */
export function itemsApiPath(state: ListState, limit: number): string {
  const query = new URLSearchParams({ status: state.status, limit: String(limit) })
  if (state.kind) query.set('kind', state.kind)
  if (state.cursor) query.set('cursor', state.cursor)
  return `/api/v1/admin/reconciliation?${query}`
}

export function remittancesApiPath(cursor: string | null, limit: number): string {
  const query = new URLSearchParams({ limit: String(limit) })
  if (cursor) query.set('cursor', cursor)
  return `/api/v1/admin/remittances?${query}`
}
