// @ts-check
// The admin token prompt both pages share: a dialog asked once per tab (api.js keeps the answer in
// sessionStorage), saying so when the last token given was refused.

import { onTokenNeeded } from './api.js';
import { byId } from './dom.js';

/**
 * Asks for the admin token in the page's #token-dialog; resolves with what was typed.
 * @param {{ why: () => string, refused: () => string }} words what the dialog says, first and after a refusal
 */
export function setUpTokenPrompt(words) {
  const dialog = /** @type {HTMLDialogElement} */ (byId('token-dialog'));
  const input = /** @type {HTMLInputElement} */ (byId('token-input'));
  /** @type {((token: string) => void) | undefined} */
  let answer;
  byId('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!input.value) return;
    dialog.close();
    answer?.(input.value);
    input.value = '';
  });
  // Escape would leave the page without a token: keep the prompt until one is given.
  dialog.addEventListener('cancel', (event) => event.preventDefault());
  onTokenNeeded(
    (failed) =>
      new Promise((resolve) => {
        byId('token-why').textContent = failed ? words.refused() : words.why();
        answer = resolve;
        dialog.showModal();
        input.focus();
      }),
  );
}
