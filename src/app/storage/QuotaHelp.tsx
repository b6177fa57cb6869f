import { ClearCacheButton } from './ClearCacheButton';
import { isQuotaProblem } from './storage-text';

/**
 * Shown beside an error message: when the browser refused a write for lack of space, offers
 * the one thing the studio can free on its own. Renders nothing for any other error.
 */
export function QuotaHelp({ error }: { error: unknown }) {
  if (!isQuotaProblem(error)) return null;
  return (
    <span className="quota-help">
      <span>The LM cache is usually the largest thing stored and is safe to clear.</span>
      <ClearCacheButton />
    </span>
  );
}
