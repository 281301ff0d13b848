import { RESOLVE_NOTE_MAX } from '$contracts/reconciliation'

/** The same rule the API applies, checked before sending so the admin hears it at once. */
export function checkNote(note: string): string | null {
  const trimmed = note.trim()
  if (!trimmed) return 'Say how the item was settled.'
  if (trimmed.length > RESOLVE_NOTE_MAX) return `At most ${RESOLVE_NOTE_MAX} characters (now ${trimmed.length}).`
  return null
}
