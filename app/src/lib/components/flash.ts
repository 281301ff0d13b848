import type { Attachment } from 'svelte/attachments'

/**
 * Plays the `flash` highlight on an element each time `generation` grows (0 means never changed).
 * Restarting a CSS animation needs the class removed and a reflow before it is added again.
 */
export function flash(generation: number): Attachment<HTMLElement> {
  return (node) => {
    if (generation <= 0) return
    node.classList.remove('flash')
    void node.offsetWidth
    node.classList.add('flash')
    const done = () => node.classList.remove('flash')
    node.addEventListener('animationend', done, { once: true })
    return () => node.removeEventListener('animationend', done)
  }
}
