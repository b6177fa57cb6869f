/** Saves text as a file through a temporary link: the browser's own download, no server. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked on the next tick: Chromium reads the blob when the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from a project name: letters, digits, dashes. */
export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'project';
}
