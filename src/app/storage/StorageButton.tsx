import { useEffect, useState } from 'react';
import { StorageDialog } from './StorageDialog';
import { persistAfterFirstSave } from './storage-store';

/** The header's "Storage" button; also asks for persistent storage after the first save. */
export function StorageButton() {
  const [open, setOpen] = useState(false);
  useEffect(() => persistAfterFirstSave(), []);
  return (
    <>
      <button type="button" className="ghost" onClick={() => setOpen(true)}>Storage</button>
      {open && <StorageDialog onClose={() => setOpen(false)} />}
    </>
  );
}
