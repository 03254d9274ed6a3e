import { AppError } from '../errors/app-error.js';
import { closestRegion } from './closest-region.js';

/** A 409 naming the edit that did not apply and where the text probably is. */
export function editConflict(
  code: string,
  index: number,
  search: string,
  reason: string,
): AppError {
  return new AppError('edit_conflict', `Edit ${index}: ${reason}; nothing was changed`, {
    extra: { edit_index: index, candidate: closestRegion(code, search) ?? null },
  });
}
