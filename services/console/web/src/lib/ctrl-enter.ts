import type { KeyboardEvent } from 'react';

/** A form's onKeyDown: Ctrl+Enter (⌘+Enter) submits it from any field — a picker, a text area — as on the call page. */
export function submitOnCtrlEnter(submit: () => void): (e: KeyboardEvent) => void {
  return (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };
}
