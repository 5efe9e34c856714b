/**
 * The one confirmation step for acts that cannot be undone (refund an order, revoke a
 * certificate, publish a course version): a required checkbox in the same form, so it works
 * without JavaScript (the browser refuses the submit while it is unticked) and the action checks
 * it again (a request sent without it changes nothing).
 */
export const CONFIRM_FIELD = 'confirm';

export function isConfirmed(form: FormData): boolean {
  return form.get(CONFIRM_FIELD) === 'yes';
}
